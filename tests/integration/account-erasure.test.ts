import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createClient as createSupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sql } from '../../app/platform/db/client.server';
import { createLocalStorage } from '../../app/platform/storage/local.server';
import { TEST_PASSWORD } from '../support/factories';
import { createFullMember, type FullMember } from '../support/full-member';
import { createClient, decodeHtml, translation, type HttpClient } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { startSupabaseMode, type SupabaseMode } from '../support/supabase-http';

/**
 * "Delete my account" (issue 3, point 7) over HTTP: after re-entering the password, no row in
 * app, auth or storage mentions the member, no file of theirs is left on disk, their cookie and
 * password open nothing — and anything that goes wrong deletes nothing.
 */

const running = useSelfHostedApp();
const SESSION = 'talaka_session';
const storageRoot = () => path.join(running.app.dataDir, 'storage');
const browser = () => createClient(running.app.url, { headers: { 'Accept-Language': 'en' } });

async function signedIn(member: FullMember) {
  const client = browser();
  expect((await client.postForm('/sign-in', { email: member.email, password: TEST_PASSWORD })).status).toBe(302);
  return client;
}

async function newMember(name: string) {
  const { sql, db } = running.database;
  const member = await createFullMember(sql, createLocalStorage({ db, root: storageRoot() }), name);
  const client = await signedIn(member);
  await client.postForm('/magic-link', { email: member.email }); // a mail, and a one-time token
  await sql`insert into auth.audit_log_entries (id, payload, created_at)
            values (gen_random_uuid(), ${sql.json({ action: 'login', actor_id: member.userId, actor_username: member.email })}, now())`;
  return { member, client };
}

/** Every column of every table in app, auth and storage that mentions one of the needles. */
async function mentions(sql: Sql, needles: string[]): Promise<Record<string, number>> {
  const columns = await sql`
    select c.table_schema, c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema in ('app', 'auth', 'storage') and t.table_type = 'BASE TABLE'`;
  expect(columns.length).toBeGreaterThan(50);
  const patterns = needles.map((needle) => `%${needle}%`);
  const found: Record<string, number> = {};
  for (const { table_schema, table_name, column_name } of columns) {
    const [row] = await sql`
      select count(*)::int as count from ${sql(`${table_schema}.${table_name}`)}
      where ${sql(column_name)}::text ilike any (${patterns}::text[])`;
    if (row!.count > 0) found[`${table_schema}.${table_name}.${column_name}`] = row!.count;
  }
  return found;
}

/** Files anywhere under the storage folder whose path names the member. */
async function filesOnDisk(userId: string) {
  if (!existsSync(storageRoot())) return [];
  const entries = await readdir(storageRoot(), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && path.join(entry.parentPath, entry.name).includes(userId));
}

const deletion = (password: string, confirmation = 'DELETE') => ({ password, confirmation });

let bob: FullMember;
let bobBefore: Record<string, number>;

beforeAll(async () => {
  // Supabase Auth's sign-in log, which Supabase projects have and our platform shim does not.
  await running.database.sql`create table auth.audit_log_entries (instance_id uuid, id uuid primary key, payload json,
                                                                   created_at timestamptz, ip_address varchar(64) not null default '')`;
  bob = (await newMember('Barys')).member;
  bobBefore = await mentions(running.database.sql, [bob.userId, bob.email]);
});

describe('deleting an account', () => {
  test('the page says what goes and that it cannot be undone', async () => {
    const { client } = await newMember('Daria');
    const page = await client.get('/account/delete');
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    for (const key of ['delete.cannotUndo', 'delete.what.profile', 'delete.what.files', 'delete.submit']) {
      expect(text).toContain(translation('en', `account:${key}`));
    }
    const belarusian = await client.get('/account/delete?lng=be');
    expect(decodeHtml(belarusian.body)).toContain(translation('be', 'account:delete.confirmWord'));
  });

  test('a wrong password or confirmation word is refused and deletes nothing', async () => {
    const { member, client } = await newMember('Alena');
    const before = await mentions(running.database.sql, [member.userId, member.email]);
    expect(Object.keys(before).length).toBeGreaterThan(10);

    const wrongPassword = await client.postForm('/account/delete', deletion('not my password at all'));
    expect(wrongPassword.status).toBe(400);
    expect(decodeHtml(wrongPassword.body)).toContain(translation('en', 'account:errors.wrongPassword'));

    const wrongWord = await client.postForm('/account/delete', deletion(TEST_PASSWORD, 'delete it'));
    expect(wrongWord.status).toBe(400);
    expect(decodeHtml(wrongWord.body)).toContain(translation('en', 'account:validation.confirmationWrong'));

    expect(await mentions(running.database.sql, [member.userId, member.email])).toEqual(before);
    expect(await filesOnDisk(member.userId)).toHaveLength(2);
    expect((await client.get('/account')).status).toBe(200);
  });

  test('a file that cannot be removed stops the erasure before any row is deleted', async () => {
    const { member, client } = await newMember('Ciryl');
    const { sql } = running.database;
    // Storage fails on the CV (the photo, removed first, is gone by then).
    await sql.unsafe(`
      create function public.refuse_test_delete() returns trigger language plpgsql as
        $$ begin raise exception 'storage is broken for this file'; end $$;
      create trigger refuse_test_delete before delete on storage.objects
        for each row when (old.name = '${member.cvPath}') execute function public.refuse_test_delete();`);
    try {
      // The word is accepted in any of our languages, whatever its case.
      const page = await client.postForm('/account/delete', deletion(TEST_PASSWORD, 'выдаліць'));
      expect(page.status).toBe(400);
      expect(decodeHtml(page.body)).toContain(translation('en', 'account:errors.filesNotRemoved'));
    } finally {
      await sql.unsafe('drop trigger refuse_test_delete on storage.objects; drop function public.refuse_test_delete();');
    }
    const left = await mentions(sql, [member.userId, member.email]);
    for (const table of ['auth.users.id', 'auth.sessions.user_id', 'auth.audit_log_entries.payload', 'app.profiles.id', 'app.consents.user_id', 'app.user_roles.user_id',
      'app.contact_channels.profile_id', 'app.profile_skills.profile_id', 'app.mail_outbox.to_address']) {
      expect(left[table], table).toBeGreaterThan(0);
    }
    expect(await sql`select 1 from storage.objects where name = ${member.cvPath}`).toHaveLength(1);
    expect((await client.get('/account')).status).toBe(200);
  });

  test('with the password, everything about the member is gone and nothing of anyone else', async () => {
    const { member, client } = await newMember('Alesia');
    const { sql } = running.database;
    const oldCookie = client.cookie(SESSION)!;
    expect(await filesOnDisk(member.userId)).toHaveLength(2);

    const page = await client.postForm('/account/delete', deletion(TEST_PASSWORD));
    expect(page.status).toBe(302);
    expect(page.location).toBe('/account/delete?deleted');
    expect(page.setCookies.some((line) => line.startsWith(`${SESSION}=;`) && /Max-Age=0/i.test(line))).toBe(true);
    const goodbye = await client.get(page.location!);
    expect(goodbye.status).toBe(200);
    expect(decodeHtml(goodbye.body)).toContain(translation('en', 'account:goodbye.title'));

    expect(await mentions(sql, [member.userId, member.email])).toEqual({});
    expect(await filesOnDisk(member.userId)).toEqual([]);

    // The old cookie opens nothing, and the old password signs nobody in.
    client.setCookie(SESSION, oldCookie);
    const account = await client.get('/account');
    expect(account.status).toBe(302);
    expect(account.location).toMatch(/^\/sign-in/);
    const again = await browser().postForm('/sign-in', { email: member.email, password: TEST_PASSWORD });
    expect(again.status).toBe(400);
    expect(decodeHtml(again.body)).toContain(translation('en', 'auth:errors.invalidCredentials'));

    // Another member is untouched: same rows, same files, still signs in.
    expect(await mentions(sql, [bob.userId, bob.email])).toEqual(bobBefore);
    expect(await filesOnDisk(bob.userId)).toHaveLength(2);
    await signedIn(bob);
  });

  test('random, huge and malformed input is answered without a 500 and deletes nothing', async () => {
    const { member, client } = await newMember('Fuzzy');
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', '\u0000', 'DELETE', 'ВЫДАЛІЦЬ', 'ж'.repeat(200_000), '<script>alert(1)</script>'));
    const name = fc.constantFrom('password', 'confirmation', '__intent__', '__proto__', 'password[]', '');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 6 }), async (sent) => {
        expect((await client.postForm('/account/delete', sent)).status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    expect((await client.postForm('/account/delete', 'password=%FF&&=', { headers: { 'Content-Type': 'multipart/form-data' } })).status).toBe(400);
    expect(await running.database.sql`select 1 from auth.users where id = ${member.userId}`).toHaveLength(1);
    expect((await client.get('/account')).status).toBe(200);
  });

  test('a visitor reaches neither the form nor the action', async () => {
    const visitor = await browser().postForm('/account/delete', deletion(TEST_PASSWORD));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/sign-in/);
    expect((await browser().get('/account/delete')).location).toMatch(/^\/sign-in/);
  });
});

describe('in Supabase mode', () => {
  let s: SupabaseMode;
  beforeAll(async () => {
    s = await startSupabaseMode();
  });
  afterAll(() => s?.stop());

  class NoRealtime {
    constructor() {
      throw new Error('realtime is not used in these tests');
    }
  }

  test('the password is checked by Supabase Auth, and the files go through the Storage API before the user', async () => {
    const email = 'leaving@example.org';
    const { id } = await s.fake.createUser({ email, password: TEST_PASSWORD });
    const browser = s.browser();
    expect((await browser.post('/sign-in', { email, password: TEST_PASSWORD })).path).toBe('/account');
    const member = createSupabaseClient(s.fake.url, s.fake.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: NoRealtime as never },
    });
    await member.auth.signInWithPassword({ email, password: TEST_PASSWORD });
    const cvPath = `${id}/erasure-test-cv`;
    const upload = await member.storage.from('documents').upload(cvPath, new TextEncoder().encode('%PDF-1.7'), { contentType: 'application/pdf' });
    expect(upload.error).toBeNull();

    const passwordGrants = () =>
      s.fake.requests.filter((request) => request.path === '/auth/v1/token' && request.query.grant_type === 'password').length;
    const grantsBefore = passwordGrants();
    const refused = await browser.post('/account/delete', { password: 'not the password at all', confirmation: 'DELETE' });
    expect(passwordGrants()).toBe(grantsBefore + 1);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(translation('en', 'account:errors.wrongPassword'));
    expect(s.fake.storage.files.has(`documents/${cvPath}`)).toBe(true);

    const done = await browser.post('/account/delete', { password: TEST_PASSWORD, confirmation: 'DELETE' });
    expect(done.path).toBe('/account/delete?deleted');
    expect(done.text).toContain(translation('en', 'account:goodbye.title'));
    expect(passwordGrants()).toBe(grantsBefore + 2);
    expect(s.fake.storage.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
    expect(s.fake.storage.files.has(`documents/${cvPath}`)).toBe(false);
    expect(await mentions(s.t.sql, [id, email])).toEqual({});
    expect([...browser.cookies.keys()].filter((name) => name.startsWith('sb-'))).toEqual([]);
  });
});
