import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * T5: a new table or function must not open a side door. These queries list offenders;
 * each list must be empty. Adding a table without RLS makes the first test fail.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('schema-wide safety of app', () => {
  it('every table in app has row-level security enabled', async () => {
    const rows = await t.sql`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'app' and c.relkind in ('r', 'p') and not c.relrowsecurity`;
    expect(rows.map((row) => row.relname)).toEqual([]);
  });

  it('no table in app grants anything to anon or public', async () => {
    const rows = await t.sql`
      select table_name, grantee, privilege_type from information_schema.role_table_grants
      where table_schema = 'app' and grantee in ('anon', 'PUBLIC')`;
    expect(rows).toEqual([]);
  });

  it('every security definer function in app pins its search_path', async () => {
    const rows = await t.sql`
      select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'app' and p.prosecdef
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`;
    expect(rows.map((row) => row.proname)).toEqual([]);
  });

  it('no security definer function in app is executable by anon or public', async () => {
    const rows = await t.sql`
      select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'app' and p.prosecdef
        and (has_function_privilege('anon', p.oid, 'execute')
             or exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0))`;
    expect(rows.map((row) => row.proname)).toEqual([]);
  });

  it('every view in app is security_invoker', async () => {
    const rows = await t.sql`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'app' and c.relkind = 'v'
        and not coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions), false)`;
    expect(rows.map((row) => row.relname)).toEqual([]);
  });

  it('the check itself notices a table without RLS', async () => {
    await t.sql`create table app.canary_without_rls (id int)`;
    const rows = await t.sql`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'app' and c.relkind in ('r', 'p') and not c.relrowsecurity`;
    await t.sql`drop table app.canary_without_rls`;
    expect(rows.map((row) => row.relname)).toEqual(['canary_without_rls']);
  });
});
