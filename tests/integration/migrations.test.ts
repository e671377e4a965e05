import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Sql } from '../../app/platform/db/client.server';
import { assertMigrationsApplied, migrate } from '../../app/platform/db/migrate.server';

/** How migrations are applied: ordered, each in a transaction, recorded, never re-run or edited. */
const admin = connect(inject('adminUrl'), { max: 1 });
const opened: Array<{ sql: Sql; name: string }> = [];
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'talaka-migrations-'));
});
afterAll(async () => {
  for (const { sql, name } of opened) {
    await sql.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  }
  await admin.end();
  await rm(root, { recursive: true, force: true });
});

/** An empty database owned by the non-superuser `postgres`, and a copy of supabase/ to play with. */
async function emptyDatabase() {
  const name = `mig_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${name} owner postgres`);
  const url = inject('ownerUrl').replace(/\/[^/]+$/, `/${name}`);
  const sql = connect(url, { max: 1 });
  opened.push({ sql, name });
  const copy = path.join(root, name);
  await cp(path.resolve('supabase'), copy, { recursive: true });
  return { sql, copy };
}

describe('migrations', () => {
  it('are recorded in supabase_migrations.schema_migrations with their version and name', async () => {
    const { sql, copy } = await emptyDatabase();
    await migrate(sql, { root: copy });
    const rows = await sql`select version, name from supabase_migrations.schema_migrations order by version`;
    expect(rows[0]).toEqual({ version: '20261129000000', name: 'app_schema_and_roles' });
    expect(rows.map((row) => row.version)).toEqual([...rows.map((row) => row.version)].sort());
  });

  it('apply a failing file not at all: its transaction rolls back and it is not recorded', async () => {
    const { sql, copy } = await emptyDatabase();
    await writeFile(
      path.join(copy, 'migrations', '20991231000000_broken.sql'),
      'create table app.half_done (id int);\nselect * from app.no_such_table;\n',
    );
    await expect(migrate(sql, { root: copy })).rejects.toThrow(/20991231000000_broken\.sql failed: .*no_such_table/);
    const [table] = await sql`select to_regclass('app.half_done') as t`;
    expect(table?.t).toBeNull();
    const recorded = await sql`select 1 from supabase_migrations.schema_migrations where version = '20991231000000'`;
    expect(recorded).toHaveLength(0);
  });

  it('refuse a new file dated before the newest applied one', async () => {
    const { sql, copy } = await emptyDatabase();
    await migrate(sql, { root: copy });
    await writeFile(path.join(copy, 'migrations', '20200101000000_late.sql'), 'select 1;\n');
    await expect(migrate(sql, { root: copy })).rejects.toThrow(/20200101000000_late\.sql is dated before/);
  });

  it('refuse a file that is not named YYYYMMDDHHMMSS_name.sql', async () => {
    const { sql, copy } = await emptyDatabase();
    await writeFile(path.join(copy, 'migrations', 'add-things.sql'), 'select 1;\n');
    await expect(migrate(sql, { root: copy })).rejects.toThrow(/add-things\.sql is not named like/);
  });

  it('skip supabase/platform/ on a database that already has Supabase schemas', async () => {
    const { sql, copy } = await emptyDatabase();
    // What a Supabase project has before our first migration: its own auth, storage and extensions
    // schemas (the shim imitates them, so its files stand in here — run by hand, not recorded),
    // marked so we can tell the project's table from one the migration run might create.
    for (const file of ['01_auth.sql', '02_storage.sql', '03_extensions.sql']) {
      await sql.unsafe(await readFile(path.join(copy, 'platform', file), 'utf8'));
    }
    await sql`comment on table auth.users is 'the project''s own'`;
    const log: string[] = [];
    await migrate(sql, { root: copy, log: (line) => log.push(line) });
    expect(log[0]).toMatch(/skipping supabase\/platform/);
    expect(log.filter((line) => line.startsWith('Applying 0'))).toEqual([]);
    const [users] = await sql`select obj_description('auth.users'::regclass) as note`;
    expect(users?.note).toBe("the project's own");
    const platform = await sql`select count(*)::int as n from supabase_migrations.local_platform`;
    expect(platform[0]?.n).toBe(0);
  });
});

describe('supabase mode', () => {
  it('refuses a database that lacks migrations, and accepts one that has them all', async () => {
    const { sql, copy } = await emptyDatabase();
    await expect(assertMigrationsApplied(sql, { root: copy })).rejects.toThrow(/lacks \d+ migration\(s\), first 20261129000000_app_schema_and_roles\.sql.*supabase db push/);
    await migrate(sql, { root: copy });
    await expect(assertMigrationsApplied(sql, { root: copy })).resolves.toBeUndefined();
  });
});
