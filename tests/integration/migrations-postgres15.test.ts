import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../app/platform/db/client.server';
import { bootstrapOwner } from '../../app/platform/db/embedded.server';
import { migrate, MigrationError } from '../../app/platform/db/migrate.server';
import { pg15BinDir, startPostgres15, type Postgres15 } from '../support/postgres15';

// Supabase's `postgres` role is not a superuser, and PostgreSQL 15 is the oldest version we
// support: the migrations must apply there as that kind of role. Needs the system's PostgreSQL 15
// server binaries (Debian `postgresql-15`, or PG15_BIN_DIR).
const root = path.resolve('supabase');
const missing = pg15BinDir() ? '' : ' [skipped: no PostgreSQL 15 binaries; install postgresql-15 or set PG15_BIN_DIR]';
const SLOW = 120_000;

describe.skipIf(Boolean(missing))(`migrations on PostgreSQL 15 as a non-superuser${missing}`, () => {
  let server: Postgres15;
  let ownerPassword: string;
  const opened: Sql[] = [];

  /** Creates `database` owned by the non-superuser `postgres` and connects as that role. */
  async function ownerConnection(database: string) {
    await bootstrapOwner(server.adminUrl, database, ownerPassword);
    const url = new URL(server.adminUrl);
    url.username = 'postgres';
    url.password = ownerPassword;
    url.pathname = `/${database}`;
    const sql = connect(url.toString(), { max: 1 });
    opened.push(sql);
    return sql;
  }

  let sql: Sql;
  const applied: string[] = [];

  beforeAll(async () => {
    server = await startPostgres15();
    ownerPassword = randomBytes(24).toString('base64url');
    sql = await ownerConnection('talaka');
    await migrate(sql, { root, log: (line) => applied.push(line) });
  }, SLOW);

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.end({ timeout: 5 })));
    await server?.stop();
  }, SLOW);

  it('runs on PostgreSQL 15 as a role that is not a superuser', async () => {
    expect(server.version).toMatch(/^15\./);
    const [me] = await sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`;
    expect(me).toEqual({ rolsuper: false, rolbypassrls: true });
  });

  it('applies every platform file and migration once; a second run applies nothing', async () => {
    expect(applied.length).toBeGreaterThan(0);
    expect(applied).toContain('Applying 00_roles.sql');
    const again: string[] = [];
    await migrate(sql, { root, log: (line) => again.push(line) });
    expect(again).toEqual([]);
  });

  it('enables row-level security on every table in schema app', async () => {
    const tables = await sql`
      select c.relname as name, c.relrowsecurity as rls from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'app' and c.relkind in ('r', 'p')`;
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
  });

  it('auth.uid() returns the sub of request.jwt.claims, as the authenticated role', async () => {
    const sub = '6f1c1c4e-8d2a-4b8e-9f3a-2f0f6c1d9a11';
    const [row] = await sql.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub, role: 'authenticated' })}, true)`;
      await tx`set local role authenticated`;
      return tx`select auth.uid() as uid, current_user as role`;
    });
    expect(row).toEqual({ uid: sub, role: 'authenticated' });
  });

  it('refuses an applied migration that was edited afterwards, naming the file', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'talaka-supabase-'));
    try {
      await cp(root, copy, { recursive: true });
      const edited = await ownerConnection('talaka_edited');
      await migrate(edited, { root: copy });
      const file = '20261129000100_profiles.sql';
      await appendFile(path.join(copy, 'migrations', file), '\n-- edited after it was applied\n');
      const again = migrate(edited, { root: copy });
      await expect(again).rejects.toBeInstanceOf(MigrationError);
      await expect(again).rejects.toThrow(`${file} was changed after it was applied`);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }, SLOW);
});
