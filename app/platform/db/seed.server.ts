import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Sql } from './client.server';

/**
 * Loads supabase/seed.sql once per database (local mode only: the caller checks). The record goes
 * into `supabase_migrations.seed_files`, the table the Supabase CLI uses for the same purpose.
 */
export async function seedOnce(sql: Sql, options: { file?: string; log?: (line: string) => void } = {}) {
  const file = options.file ?? 'supabase/seed.sql';
  const content = await readFile(file, 'utf8');
  await sql.begin(async (tx) => {
    await tx`create table if not exists supabase_migrations.seed_files (path text primary key, hash text not null)`;
    await tx`lock table supabase_migrations.seed_files in exclusive mode`;
    const [seeded] = await tx`select 1 from supabase_migrations.seed_files where path = ${file}`;
    if (seeded) return;
    options.log?.(`Loading demo data from ${file}`);
    await tx.unsafe(content);
    await tx`insert into supabase_migrations.seed_files (path, hash)
             values (${file}, ${createHash('sha256').update(content).digest('hex')})`;
  });
}
