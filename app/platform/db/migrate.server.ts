import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from './client.server';

/**
 * Applies `supabase/platform/` (local stand-ins for Supabase's own schemas) and then
 * `supabase/migrations/`, in file-name order, each file in its own transaction.
 *
 * Applied migrations are recorded in `supabase_migrations.schema_migrations`, the table the
 * Supabase CLI uses, so `supabase db push` sees the same history. A file that changed after it
 * was applied is refused: migrations are forward-only.
 */

export class MigrationError extends Error {}

export type MigrateOptions = {
  root?: string;
  log?: (line: string) => void;
};

type SqlFile = { name: string; version: string; content: string; checksum: string };

const MIGRATION_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// One number for every Talaka process: two app instances starting at once apply each file once.
const MIGRATION_LOCK = 7_401_202_611;

export async function migrate(sql: Sql, options: MigrateOptions = {}) {
  const root = options.root ?? 'supabase';
  const log = options.log ?? (() => {});
  await ensureHistoryTables(sql);

  const platform = await readSqlFiles(path.join(root, 'platform'), /^\d{2}_[a-z0-9_]+\.sql$/);
  if (await isRealSupabase(sql)) {
    log('Supabase platform schemas found: skipping supabase/platform/.');
  } else {
    for (const file of platform) {
      await applyOnce(sql, file, 'supabase_migrations.local_platform', log);
    }
  }

  const migrations = await readSqlFiles(path.join(root, 'migrations'), MIGRATION_NAME);
  await refuseOutOfOrder(sql, migrations);
  for (const file of migrations) {
    await applyOnce(sql, file, 'supabase_migrations.schema_migrations', log);
  }
}

/**
 * Supabase mode: the schema is applied with `supabase db push`, not by the app. Refuse to serve a
 * database that lacks any of our migrations, rather than fail on the first request that needs it.
 */
export async function assertMigrationsApplied(sql: Sql, options: { root?: string } = {}) {
  const files = await readSqlFiles(path.join(options.root ?? 'supabase', 'migrations'), MIGRATION_NAME);
  const [history] = await sql`select to_regclass('supabase_migrations.schema_migrations') is not null as present`;
  const applied = history?.present
    ? new Set((await sql`select version from supabase_migrations.schema_migrations`).map((row) => row.version as string))
    : new Set<string>();
  const missing = files.filter((file) => !applied.has(file.version));
  if (missing.length > 0) {
    throw new MigrationError(
      `The database lacks ${missing.length} migration(s), first ${missing[0]!.name}. Apply them with \`supabase db push\`.`,
    );
  }
}

async function ensureHistoryTables(sql: Sql) {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create schema if not exists supabase_migrations`;
    await tx`create table if not exists supabase_migrations.schema_migrations (
      version text primary key, statements text[], name text)`;
    await tx`create table if not exists supabase_migrations.local_platform (
      version text primary key, statements text[], name text,
      applied_at timestamptz not null default now())`;
    await tx`comment on table supabase_migrations.local_platform is
      'Files of supabase/platform/ applied here (local and self-hosted mode only).'`;
  });
}

/** A real Supabase project has `auth.users` without our platform files having created it. */
async function isRealSupabase(sql: Sql) {
  const [row] = await sql`
    select to_regclass('auth.users') is not null as has_auth,
           exists (select 1 from supabase_migrations.local_platform) as has_shim`;
  return Boolean(row?.has_auth) && !row?.has_shim;
}

/**
 * A new file dated before the newest applied one would run after it here but before it on a fresh
 * database: two histories. Like the Supabase CLI, refuse and ask for a newer timestamp.
 */
async function refuseOutOfOrder(sql: Sql, files: SqlFile[]) {
  const applied = new Set((await sql`select version from supabase_migrations.schema_migrations`).map((row) => row.version as string));
  const newest = [...applied].sort().at(-1);
  const late = files.find((file) => !applied.has(file.version) && newest !== undefined && file.version < newest);
  if (late) {
    throw new MigrationError(
      `${late.name} is dated before ${newest}, the newest migration already applied to this database. ` +
        'Rename it with a newer timestamp so that every database applies migrations in the same order.',
    );
  }
}

async function applyOnce(sql: Sql, file: SqlFile, table: string, log: (line: string) => void) {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    const [applied] = await tx`
      select statements from ${tx(table.split('.')[0]!)}.${tx(table.split('.')[1]!)}
      where version = ${file.version}`;
    if (applied) {
      const before = checksum((applied.statements as string[] | null)?.join('') ?? '');
      if (before !== file.checksum) {
        throw new MigrationError(
          `${file.name} was changed after it was applied to this database. ` +
            'Applied migrations are never edited: restore the file and write a new migration instead.',
        );
      }
      return;
    }
    log(`Applying ${file.name}`);
    try {
      await tx.unsafe(file.content);
    } catch (error) {
      throw new MigrationError(`${file.name} failed: ${(error as Error).message}`);
    }
    await tx`
      insert into ${tx(table.split('.')[0]!)}.${tx(table.split('.')[1]!)} (version, statements, name)
      values (${file.version}, ${[file.content]}, ${file.name.replace(/^\d+_|\.sql$/g, '')})`;
  });
}

async function readSqlFiles(dir: string, pattern: RegExp): Promise<SqlFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const files: SqlFile[] = [];
  for (const name of names) {
    if (!pattern.test(name)) {
      throw new MigrationError(`${path.join(dir, name)} is not named like ${pattern.source}`);
    }
    const content = await readFile(path.join(dir, name), 'utf8');
    files.push({ name, version: name.split('_')[0]!, content, checksum: checksum(content) });
  }
  return files;
}

function checksum(text: string) {
  return createHash('sha256').update(text).digest('hex');
}
