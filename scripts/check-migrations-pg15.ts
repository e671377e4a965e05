/**
 * Proves that supabase/platform/ and supabase/migrations/ apply on PostgreSQL 15 as a
 * non-superuser, as on a Supabase project. Run: `npx tsx scripts/check-migrations-pg15.ts`.
 *
 * Starts a throwaway PostgreSQL 15 (system binaries, see tests/support/postgres15.ts), creates the
 * non-superuser owner `postgres`, migrates twice and checks RLS and auth.uid(). Exits 1 on failure.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, type Sql } from '../app/platform/db/client.server';
import { bootstrapOwner } from '../app/platform/db/embedded.server';
import { migrate } from '../app/platform/db/migrate.server';
import { pg15BinDir, startPostgres15, type Postgres15 } from '../tests/support/postgres15';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'supabase');
let server: Postgres15 | undefined;
let sql: Sql | undefined;

async function main() {
  if (!pg15BinDir()) throw new Error('no PostgreSQL 15 server binaries (set PG15_BIN_DIR or install postgresql-15)');
  server = await startPostgres15();
  const ownerPassword = randomBytes(24).toString('base64url');
  await bootstrapOwner(server.adminUrl, 'talaka', ownerPassword);
  const url = new URL(server.adminUrl);
  url.username = 'postgres';
  url.password = ownerPassword;
  url.pathname = '/talaka';
  sql = connect(url.toString(), { max: 1 });

  const [me] = await sql`select current_user as name, rolsuper from pg_roles where rolname = current_user`;
  if (me?.rolsuper !== false) throw new Error(`connected as ${me?.name}, which is a superuser`);

  const applied: string[] = [];
  await migrate(sql, { root, log: (line) => applied.push(line.replace(/^Applying /, '')) });
  const again: string[] = [];
  await migrate(sql, { root, log: (line) => again.push(line) });
  if (again.length > 0) throw new Error(`the second migrate() was not a no-op: ${again.join('; ')}`);

  const tables = await sql<{ name: string; rls: boolean }[]>`
    select c.relname as name, c.relrowsecurity as rls from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'app' and c.relkind in ('r', 'p') order by 1`;
  if (tables.length === 0) throw new Error('schema app has no tables');
  const open = tables.filter((t) => !t.rls).map((t) => t.name);
  if (open.length > 0) throw new Error(`RLS is not enabled on app.${open.join(', app.')}`);

  const sub = '6f1c1c4e-8d2a-4b8e-9f3a-2f0f6c1d9a11';
  const uid = await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub, role: 'authenticated' })}, true)`;
    await tx`set local role authenticated`;
    const [row] = await tx`select auth.uid() as uid`;
    return row?.uid as string | undefined;
  });
  if (uid !== sub) throw new Error(`auth.uid() returned ${uid} for sub ${sub}`);

  console.log(`PostgreSQL ${server.version}, owner role "postgres" (not superuser)`);
  console.log(`Applied ${applied.length} files: ${applied.join(', ')}`);
  console.log(`Second run applied nothing; RLS on all ${tables.length} app tables; auth.uid() reads the claims.`);
  console.log('OK');
}

// Stops the server, whether main() ends, fails or is interrupted; a start still in progress is
// cleaned up by tests/support/postgres15.ts when the process exits.
let cleaning: Promise<void> | undefined;
const cleanUp = () =>
  (cleaning ??= (async () => {
    await sql?.end({ timeout: 5 }).catch(() => {});
    await server?.stop();
  })());

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`FAIL: interrupted (${signal})`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    if (interrupted) return;
    await cleanUp().catch(() => {});
    const [first, ...details] = (error instanceof Error ? error.message : String(error)).split('\n');
    console.error(`FAIL: ${first}`);
    if (details.length > 0) console.error(details.join('\n'));
    process.exit(1);
  });
