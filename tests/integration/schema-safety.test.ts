import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql, Tx } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

/**
 * T5: a new table or function must not open a side door. These queries list offenders;
 * each list must be empty. Adding a table without RLS makes the first test fail; a new grant to
 * anon or authenticated (table, view, sequence or column) fails until it is added, with its
 * reason, to the allow-lists at the end of this file, where a reviewer reads it.
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

  it('grants to anon, authenticated or public on tables, views and sequences are all on the allow-list', async () => {
    expect(await unexpectedGrants(t.sql)).toEqual([]);
  });

  it('column grants to anon, authenticated or public are all on the allow-list', async () => {
    expect(await unexpectedColumnGrants(t.sql)).toEqual([]);
  });

  it('no default privileges hand future objects of app to anon, authenticated or public', async () => {
    const rows = await t.sql`
      select coalesce(d.defaclnamespace::regnamespace::text, '(all schemas)') as schema, d.defaclobjtype as kind, a.grantee
      from pg_default_acl d cross join lateral aclexplode(d.defaclacl) a
      where (d.defaclnamespace = 0 or d.defaclnamespace = 'app'::regnamespace)
        and (a.grantee = 0 or a.grantee in (select oid from pg_roles where rolname in ('anon', 'authenticated')))`;
    expect(rows).toEqual([]);
  });

  it("every security definer function, in any schema of ours, pins search_path to ''", async () => {
    const rows = await t.sql`
      select n.nspname || '.' || p.proname as name, p.proconfig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
        and not ('search_path=""' = any(coalesce(p.proconfig, '{}')))`;
    expect(rows).toEqual([]);
  });

  it('anon may execute only the allow-listed functions of app and public, none of them security definer', async () => {
    expect(await unexpectedAnonFunctions(t.sql)).toEqual([]);
  });

  it('every view in app and public is security_invoker, and there is no materialized view', async () => {
    const rows = await t.sql`
      select n.nspname || '.' || c.relname as name, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('app', 'public')
        and (c.relkind = 'm' or (c.relkind = 'v'
          and not coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions), false)))`;
    expect(rows).toEqual([]);
  });

  it('every table of app and every function callable by authenticated says in a comment what it is for', async () => {
    const rows = await t.sql`
      select 'table ' || c.relname as name from pg_class c
      where c.relnamespace = 'app'::regnamespace and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') is null
      union all
      select 'function ' || p.proname from pg_proc p
      where p.pronamespace = 'app'::regnamespace and p.prosecdef and has_function_privilege('authenticated', p.oid, 'execute')
        and obj_description(p.oid, 'pg_proc') is null
      order by 1`;
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it('the checks notice a stray grant, a column grant, an unpinned definer function and one anon may call', async () => {
    await t.sql.begin(async (tx) => {
      await tx`create table app.canary_granted (id int, secret text)`;
      await tx`grant select on app.canary_granted to authenticated`;
      await tx`grant update (secret) on app.canary_granted to anon`;
      await tx`create function app.canary_unpinned() returns int language sql security definer as 'select 1'`;
      expect(await unexpectedGrants(tx)).toEqual([{ object: 'app.canary_granted', grantee: 'authenticated', privileges: 'SELECT' }]);
      expect(await unexpectedColumnGrants(tx)).toEqual([{ object: 'app.canary_granted.secret', grantee: 'anon', privileges: 'UPDATE' }]);
      const unpinned = await tx`
        select p.proname from pg_proc p where p.pronamespace = 'app'::regnamespace and p.prosecdef
          and not ('search_path=""' = any(coalesce(p.proconfig, '{}')))`;
      expect(unpinned.map((row) => row.proname)).toEqual(['canary_unpinned']);
      // Functions are executable by public unless revoked: anon may call it.
      expect(await unexpectedAnonFunctions(tx)).toEqual(['app.canary_unpinned (security definer)']);
      await tx`rollback and chain`;
    });
    expect(await unexpectedGrants(t.sql)).toEqual([]);
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

// -------------------------------------------------------------------------------------
// The allow-lists: every grant the app relies on, each with its reason. RLS decides the rows.
// -------------------------------------------------------------------------------------

const REFERENCE = 'reference list shown in forms and filters; the same for everyone signed in';
const OWN_PROFILE_PART = 'the profile editor writes the member\'s own rows; RLS: owner only';

/** `grantee schema.object` → the privileges allowed, and why. */
const ALLOWED_GRANTS: Record<string, { privileges: string[]; why: string }> = {
  'authenticated app.cities': { privileges: ['SELECT'], why: REFERENCE },
  'authenticated app.countries': { privileges: ['SELECT'], why: REFERENCE },
  'authenticated app.directions': { privileges: ['SELECT'], why: REFERENCE },
  'authenticated app.languages': { privileges: ['SELECT'], why: REFERENCE },
  'authenticated app.skill_categories': { privileges: ['SELECT'], why: REFERENCE },
  'authenticated app.skills': { privileges: ['SELECT'], why: REFERENCE },
  'authenticated app.consents': { privileges: ['INSERT', 'SELECT'], why: 'a member records and reads their own consents (Art. 9); RLS: owner only' },
  'authenticated app.contact_channels': { privileges: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], why: OWN_PROFILE_PART },
  'authenticated app.profile_directions': { privileges: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], why: OWN_PROFILE_PART },
  'authenticated app.profile_languages': { privileges: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], why: OWN_PROFILE_PART },
  'authenticated app.profile_skills': { privileges: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], why: OWN_PROFILE_PART },
  'authenticated app.profile_tags': { privileges: ['DELETE', 'INSERT', 'SELECT', 'UPDATE'], why: OWN_PROFILE_PART },
  'authenticated app.profiles': {
    privileges: ['DELETE', 'INSERT', 'SELECT'],
    why: 'own row (and members-visible rows for members); organizers read others only through audited functions (T1); updates are per column, below',
  },
  'authenticated app.notifications': { privileges: ['SELECT'], why: 'a member reads their own notifications; RLS: owner only' },
  'authenticated app.organizer_applications': { privileges: ['SELECT'], why: 'an applicant reads their own application; RLS: owner only' },
  'authenticated app.role_changes': { privileges: ['SELECT'], why: 'a member sees the history of their own roles; RLS: owner only' },
  'authenticated app.user_roles': { privileges: ['SELECT'], why: 'a member reads their own roles; RLS: owner only' },
};

const PROFILE_COLUMNS_A_MEMBER_EDITS = [
  'available_from', 'bio', 'bio_audience', 'city_id', 'country_code', 'cv_audience', 'cv_path', 'display_name', 'headline',
  'hours_per_week', 'identity_audience', 'legal_name', 'legal_name_audience', 'open_to_relocation', 'photo_audience',
  'photo_path', 'skills_audience', 'updated_at', 'work_mode',
];

/**
 * `grantee schema.table.column` → privileges. Profiles: only what the editor writes, so that
 * visibility, canary and language are set only by their definer functions.
 */
const ALLOWED_COLUMN_GRANTS: Record<string, string[]> = {
  'authenticated app.consents.withdrawn_at': ['UPDATE'],
  ...Object.fromEntries(PROFILE_COLUMNS_A_MEMBER_EDITS.map((column) => [`authenticated app.profiles.${column}`, ['UPDATE']])),
};

/** Functions a visitor's request may reach: pure helpers with no data behind them. */
const ANON_FUNCTIONS: Record<string, string> = {
  'app.search_key': 'immutable text folding (Latin/Cyrillic) used in generated columns and indexes; reads no table',
  'app.search_key_ch': 'one character of search_key; reads no table',
  'app.search_keys': 'search_key over an array; reads no table',
  'app.current_consent_version': 'the consent wording version in force, a constant; the sign-up page shows it',
};

type Query = Sql | Tx;

/** Table-, view- and sequence-level grants to anon, authenticated or public in app and public that the allow-list does not hold. */
async function unexpectedGrants(sql: Query) {
  const rows = await sql`
    select n.nspname || '.' || c.relname as object, case when a.grantee = 0 then 'public' else a.grantee::regrole::text end as grantee,
           string_agg(a.privilege_type, ',' order by a.privilege_type) as privileges
    from pg_class c join pg_namespace n on n.oid = c.relnamespace cross join lateral aclexplode(c.relacl) a
    where n.nspname in ('app', 'public') and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
      and (a.grantee = 0 or a.grantee in (select oid from pg_roles where rolname in ('anon', 'authenticated')))
    group by 1, 2 order by 1, 2`;
  return rows
    .map((row) => ({ object: row.object as string, grantee: row.grantee as string, privileges: row.privileges as string }))
    .map((row) => ({ ...row, privileges: row.privileges.split(',').filter((p) => !ALLOWED_GRANTS[`${row.grantee} ${row.object}`]?.privileges.includes(p)).join(',') }))
    .filter((row) => row.privileges !== '');
}

/** Column-level grants to anon, authenticated or public that the allow-list does not hold. */
async function unexpectedColumnGrants(sql: Query) {
  const rows = await sql`
    select n.nspname || '.' || c.relname || '.' || att.attname as object,
           case when a.grantee = 0 then 'public' else a.grantee::regrole::text end as grantee,
           string_agg(a.privilege_type, ',' order by a.privilege_type) as privileges
    from pg_attribute att join pg_class c on c.oid = att.attrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral aclexplode(att.attacl) a
    where n.nspname in ('app', 'public') and att.attnum > 0 and not att.attisdropped
      and (a.grantee = 0 or a.grantee in (select oid from pg_roles where rolname in ('anon', 'authenticated')))
    group by 1, 2 order by 1, 2`;
  return rows
    .map((row) => ({ object: row.object as string, grantee: row.grantee as string, privileges: row.privileges as string }))
    .map((row) => ({ ...row, privileges: row.privileges.split(',').filter((p) => !ALLOWED_COLUMN_GRANTS[`${row.grantee} ${row.object}`]?.includes(p)).join(',') }))
    .filter((row) => row.privileges !== '');
}

/** Functions of app and public that anon may execute: not on the allow-list, or definer (never allowed). */
async function unexpectedAnonFunctions(sql: Query) {
  const rows = await sql`
    select n.nspname || '.' || p.proname as name, p.prosecdef as definer from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('app', 'public') and has_function_privilege('anon', p.oid, 'execute') order by 1`;
  return rows
    .filter((row) => row.definer || !(row.name in ANON_FUNCTIONS))
    .map((row) => `${row.name as string}${row.definer ? ' (security definer)' : ''}`);
}

describe('file paths (T7)', () => {
  it("a member cannot point their photo or CV at another member's folder, only at their own", async () => {
    const [owner, borrower] = [await createUser(t.sql), await createUser(t.sql)];
    for (const column of ['photo_path', 'cv_path']) {
      const borrowed = t.db.asUser(borrower, (tx) => tx`update app.profiles set ${tx(column)} = ${`${owner.userId}/AbCdEfGh1234`} where id = ${borrower.userId}`);
      await expect(borrowed, column).rejects.toThrow(/_in_own_folder/);
      await t.db.asUser(borrower, (tx) => tx`update app.profiles set ${tx(column)} = ${`${borrower.userId}/AbCdEfGh1234`} where id = ${borrower.userId}`);
    }
  });
});
