import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import type { Identity } from '../../app/platform/db/client.server';
import type { DirectoryQuery } from './queries';

/**
 * `npm run bench -- --plans`: the query plans behind the figures. Each search of the mix runs once
 * more, exactly as the app runs it (claims with aal2, role authenticated, app.organizer_search),
 * on a connection that has loaded `auto_explain` with nested statements, so the plans of the
 * statements inside the definer functions (the matching, the page, the facets) come back as
 * notices with actual rows, timings and buffers. Loading auto_explain needs a superuser: the
 * embedded cluster's admin role, or a `--database-url` of one. Written to
 * bench-results/plans-<profiles>-<time>.txt; times there are inflated by auto_explain's own timing.
 */
export async function writePlans(
  superuserUrl: string,
  organizer: Identity,
  mix: readonly DirectoryQuery[],
  profiles: number,
  log: (line: string) => void,
  options: { dir?: string; minDurationMs?: number } = {},
): Promise<string> {
  const notices: string[] = [];
  const sql = postgres(superuserUrl, { max: 1, onnotice: (notice) => notices.push(String(notice.message)) });
  const sections: string[] = [];
  try {
    await sql`load 'auto_explain'`;
    for (const setting of [
      // Statements under 2 ms (one card, one permission check) would bury the few that matter.
      `auto_explain.log_min_duration = ${Math.max(0, Math.floor(options.minDurationMs ?? 2))}`,
      'auto_explain.log_nested_statements = on',
      'auto_explain.log_analyze = on',
      'auto_explain.log_buffers = on',
      'auto_explain.log_parameter_max_length = 200',
      'client_min_messages = log',
    ]) {
      await sql.unsafe(`set ${setting}`);
    }
    const claims = JSON.stringify({ sub: organizer.userId, role: 'authenticated', email: organizer.email, aal: organizer.aal });
    for (const query of mix) {
      notices.length = 0;
      const started = performance.now();
      await sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', ${claims}, true), set_config('role', 'authenticated', true)`;
        await tx`select app.organizer_search(${query.filters as never}::jsonb, null, 20, ${query.facets})`;
      });
      const ms = performance.now() - started;
      // The statements that set claims and the call itself are plans too; keep those inside the functions.
      const inner = notices.filter((text) => !/set_config\('request\.jwt\.claims'|select app\.organizer_search\(/.test(text));
      sections.push(`=== ${query.name} (${Math.round(ms)} ms with auto_explain) ===\n${JSON.stringify(query.filters)}\n\n${inner.join('\n\n')}`);
      log(`plans: ${query.name}, ${inner.length} statements`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  const dir = options.dir ?? 'bench-results';
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `plans-${profiles}-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
  await writeFile(file, `${sections.join('\n\n')}\n`);
  return file;
}
