// The Supabase storage adapter (app/platform/storage/supabase.server.ts) against the fake Supabase
// Auth + Storage (tests/support/fake-supabase-storage.ts) on one base URL and a database cloned
// from the migrated template. Users are created through the fake auth (mirrored into auth.users),
// signed in with the Supabase auth adapter, and act through a Request carrying the cookies it set:
// the adapter trusts nothing else. The fake verifies each JWT and runs Storage's metadata
// queries as that user, so the policies of 20261129010400_profile_files.sql decide.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupabaseAuth } from '../../app/platform/auth/supabase.server';
import { createSupabaseStorage, type SupabaseStorage } from '../../app/platform/storage/supabase.server';
import type { StorageActor } from '../../app/platform/storage/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { openProfile } from '../support/factories';
import { startFakeSupabase, type FakeSupabase } from '../support/fake-supabase-storage';

const APP = 'http://localhost:3000';
const PASSWORD = 'correct horse battery staple';
let t: TestDatabase;
let fake: FakeSupabase;
let storage: SupabaseStorage;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSupabase({ sql: t.sql });
  storage = createSupabaseStorage({ url: fake.url, anonKey: fake.anonKey, appUrl: APP });
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

type Member = StorageActor & { id: string };

/** A confirmed user of the fake Supabase Auth, signed in: the request carries the session cookies. */
async function member(): Promise<Member> {
  const email = `m-${randomBytes(4).toString('hex')}@example.org`;
  const { id } = await fake.createUser({ email, password: PASSWORD });
  const auth = createSupabaseAuth({ url: fake.url, anonKey: fake.anonKey, appUrl: APP });
  const signedIn = await auth.signIn(new Request(`${APP}/sign-in`, { method: 'POST' }), { email, password: PASSWORD, language: 'en' });
  expect(signedIn.ok).toBe(true);
  const cookie = signedIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const session = (await auth.getIdentity(new Request(APP, { headers: { cookie } }))).identity;
  expect(session?.userId).toBe(id);
  return { id, identity: { userId: id, email, aal: 'aal1' }, request: new Request(`${APP}/account/files`, { headers: { cookie } }) };
}
/** The same identity claimed by the server, but a request without any session (a visitor's). */
const withoutSession = (m: Member): StorageActor => ({ identity: m.identity, request: new Request(`${APP}/files/photo/x`) });

const name = () => randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x');
const webp = (text: string) => new Uint8Array(Buffer.from(`RIFF....WEBPVP8 ${text}`));
const pdf = new Uint8Array(Buffer.from('%PDF-1.7 curriculum vitae'));
const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);
const storageCalls = (method: string, path: string) => fake.storage.requests.filter((r) => r.method === method && r.path === `/storage/v1${path}`);

async function put(m: StorageActor, bucket: string, path: string, bytes: Uint8Array, contentType = 'image/webp') {
  return storage.upload(m, { bucket, path, bytes, contentType });
}

describe('Supabase storage adapter: the owner', () => {
  it('uploads into their own folder as themselves: a storage.objects row is theirs, the bytes come back', async () => {
    const alice = await member();
    const path = `${alice.id}/${name()}`;
    expect(await put(alice, 'avatars', path, webp('one'))).toBe(true);

    const [upload] = storageCalls('POST', `/object/avatars/${path}`);
    expect(upload?.headers.authorization).toMatch(/^Bearer ey/);
    expect(upload?.headers.authorization).not.toBe(`Bearer ${fake.anonKey}`);
    expect(upload?.headers['x-upsert']).toBe('true');
    expect(upload?.headers['content-type']).toBe('image/webp');

    const [row] = await t.sql`select owner, owner_id, metadata from storage.objects where bucket_id = 'avatars' and name = ${path}`;
    expect(row).toMatchObject({ owner: alice.id, owner_id: alice.id, metadata: { mimetype: 'image/webp', size: webp('one').byteLength } });
    expect(text(fake.storage.files.get(`avatars/${path}`)?.bytes)).toBe(text(webp('one')));

    const file = await storage.download(alice, { bucket: 'avatars', path });
    expect(file).toEqual({ bytes: webp('one'), contentType: 'image/webp' });
    expect(storageCalls('GET', `/object/avatars/${path}`)).toHaveLength(1); // the URL storage-js downloads from
  });

  it('replaces a file at the same path (upsert) and removes it: row and bytes are gone', async () => {
    const alice = await member();
    const path = `${alice.id}/${name()}`;
    expect(await put(alice, 'documents', path, pdf, 'application/pdf')).toBe(true);
    expect(await put(alice, 'documents', path, new Uint8Array(Buffer.from('%PDF-1.7 v2')), 'application/pdf')).toBe(true);
    expect(text((await storage.download(alice, { bucket: 'documents', path }))?.bytes)).toBe('%PDF-1.7 v2');

    expect(await storage.remove(alice, { bucket: 'documents', path })).toBe(true);
    const [remove] = storageCalls('DELETE', '/object/documents').slice(-1);
    expect(remove?.body).toEqual({ prefixes: [path] });
    expect(await t.sql`select 1 from storage.objects where name = ${path}`).toHaveLength(0);
    expect(fake.storage.files.has(`documents/${path}`)).toBe(false);
    expect(await storage.download(alice, { bucket: 'documents', path })).toBeNull();
    expect(await storage.remove(alice, { bucket: 'documents', path })).toBe(false); // already gone
  });

  it("is held to the bucket's rules and to safe paths", async () => {
    const alice = await member();
    const before = fake.storage.requests.length;
    expect(await put(alice, 'avatars', `${alice.id}/../escape`, webp('x'))).toBe(false);
    expect(fake.storage.requests).toHaveLength(before); // refused before asking Storage
    expect(await put(alice, 'avatars', `${alice.id}/${name()}`, webp('x'), 'image/jpeg')).toBe(false); // avatars: image/webp only
    expect(await put(alice, 'avatars', `${alice.id}/${name()}`, new Uint8Array(2 * 1024 * 1024 + 1), 'image/webp')).toBe(false); // 2 MB
    expect(await put(alice, 'no-such-bucket', `${alice.id}/${name()}`, webp('x'))).toBe(false);
    expect(await t.sql`select 1 from storage.objects where owner_id = ${alice.id}`).toHaveLength(0);
  });
});

describe('Supabase storage adapter: everyone else', () => {
  it("another member can neither read, delete, overwrite nor write into the owner's folder; refusals look like absence", async () => {
    const [alice, bob] = [await member(), await member()];
    const path = `${alice.id}/${name()}`;
    await put(alice, 'avatars', path, webp('alice'));

    const missing = await storage.download(bob, { bucket: 'avatars', path: `${alice.id}/${name()}` });
    const forbidden = await storage.download(bob, { bucket: 'avatars', path });
    expect(forbidden).toBeNull();
    expect(missing).toBeNull();

    expect(await storage.remove(bob, { bucket: 'avatars', path })).toBe(false);
    expect(await put(bob, 'avatars', path, webp('overwritten'))).toBe(false);
    const planted = `${alice.id}/${name()}`;
    expect(await put(bob, 'avatars', planted, webp('planted'))).toBe(false);

    expect(text((await storage.download(alice, { bucket: 'avatars', path }))?.bytes)).toBe(text(webp('alice')));
    expect(fake.storage.files.has(`avatars/${planted}`)).toBe(false);
    expect(await t.sql`select 1 from storage.objects where name = ${planted}`).toHaveLength(0);
  });

  it('another member reads the current photo once the owner opens it, and only the current one; the CV stays closed', async () => {
    const [alice, bob] = [await member(), await member()];
    const [first, second, cv] = [`${alice.id}/${name()}`, `${alice.id}/${name()}`, `${alice.id}/${name()}`];
    await put(alice, 'avatars', first, webp('first'));
    await put(alice, 'documents', cv, pdf, 'application/pdf');
    await t.sql`update app.profiles set photo_path = ${first}, cv_path = ${cv} where id = ${alice.id}`;
    expect(await storage.download(bob, { bucket: 'avatars', path: first })).toBeNull(); // photo: only me

    await openProfile(t.sql, alice.id, { photo: 'members', cv: 'organizers' }); // a CV is never open to all members
    expect(text((await storage.download(bob, { bucket: 'avatars', path: first }))?.bytes)).toBe(text(webp('first')));

    await put(alice, 'avatars', second, webp('second'));
    await t.sql`update app.profiles set photo_path = ${second} where id = ${alice.id}`;
    expect(text((await storage.download(bob, { bucket: 'avatars', path: second }))?.bytes)).toBe(text(webp('second')));
    expect(await storage.download(bob, { bucket: 'avatars', path: first })).toBeNull(); // no longer current
    expect(await storage.download(bob, { bucket: 'documents', path: cv })).toBeNull();
    // Reading is not owning.
    expect(await storage.remove(bob, { bucket: 'avatars', path: second })).toBe(false);
    expect(await put(bob, 'avatars', second, webp('defaced'))).toBe(false);
  });

  it('a visitor (no session) gets nothing, whatever identity the server claims for them', async () => {
    const alice = await member();
    const path = `${alice.id}/${name()}`;
    await put(alice, 'avatars', path, webp('alice'));
    await t.sql`update app.profiles set photo_path = ${path} where id = ${alice.id}`;
    await openProfile(t.sql, alice.id, { photo: 'members' });

    const visitor = withoutSession(alice);
    expect(await storage.download(visitor, { bucket: 'avatars', path })).toBeNull();
    expect(storageCalls('GET', `/object/avatars/${path}`).at(-1)?.headers.authorization).toBe(`Bearer ${fake.anonKey}`);
    expect(await storage.remove(visitor, { bucket: 'avatars', path })).toBe(false);
    expect(await put(visitor, 'avatars', `${alice.id}/${name()}`, webp('anon'))).toBe(false);
    expect(fake.storage.files.has(`avatars/${path}`)).toBe(true);
  });
});

describe('the fake speaks Storage', () => {
  it('answers refusals with its error body and checks the API key like the gateway', async () => {
    const alice = await member();
    const path = `${alice.id}/${name()}`;
    const missing = await fetch(`${fake.url}/storage/v1/object/avatars/${path}`, { headers: { apikey: fake.anonKey, authorization: `Bearer ${fake.anonKey}` } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ statusCode: '404', code: 'NoSuchKey', error: 'not_found', message: 'Object not found' });
    const forged = await fetch(`${fake.url}/storage/v1/object/avatars/${path}`, {
      method: 'POST', body: 'x', headers: { apikey: fake.anonKey, authorization: 'Bearer not.a.jwt', 'content-type': 'image/webp' },
    });
    expect(await forged.json()).toMatchObject({ statusCode: '403', code: 'AccessDenied', error: 'Unauthorized' });
    const noKey = await fetch(`${fake.url}/storage/v1/object/avatars/${path}`);
    expect(noKey.status).toBe(401);
  });
});

describe('erasure: files go through the Storage API before the user', () => {
  it('removeAllUserFiles removes every file of the member, as the member, and leaves others alone', async () => {
    const [alice, bob] = [await member(), await member()];
    const alicePaths = [`${alice.id}/${name()}`, `${alice.id}/${name()}`];
    const cv = `${alice.id}/${name()}`;
    for (const path of alicePaths) await put(alice, 'avatars', path, webp(path));
    await put(alice, 'documents', cv, pdf, 'application/pdf');
    const bobs = `${bob.id}/${name()}`;
    await put(bob, 'avatars', bobs, webp('bob'));
    const deletesBefore = storageCalls('DELETE', '/object/avatars').length;

    expect(await storage.removeAllUserFiles(alice)).toBe(3);

    const deletes = storageCalls('DELETE', '/object/avatars').slice(deletesBefore);
    expect(deletes).toHaveLength(1);
    expect((deletes[0]?.body as { prefixes: string[] }).prefixes.sort()).toEqual([...alicePaths].sort());
    expect(storageCalls('DELETE', '/object/documents').at(-1)?.body).toEqual({ prefixes: [cv] });
    expect(await t.sql`select name from storage.objects where owner_id = ${alice.id} or name like ${`${alice.id}/%`}`).toHaveLength(0);
    expect([...fake.storage.files.keys()].filter((key) => key.includes(alice.id))).toEqual([]);
    expect(fake.storage.files.has(`avatars/${bobs}`)).toBe(true);

    // Only now the user: nothing in storage refers to them any more.
    await t.sql`delete from auth.users where id = ${alice.id}`;
    expect(await t.sql`select 1 from auth.users where id = ${alice.id}`).toHaveLength(0);
    expect(await storage.removeAllUserFiles(bob)).toBe(1);
  });

  it('refuses to report "nothing to remove" without the member\'s own session', async () => {
    const alice = await member();
    await put(alice, 'avatars', `${alice.id}/${name()}`, webp('kept'));
    await expect(storage.removeAllUserFiles(withoutSession(alice))).rejects.toThrow(/no session of this user/);
    const bob = await member();
    await expect(storage.removeAllUserFiles({ identity: alice.identity, request: bob.request })).rejects.toThrow(/no session of this user/);
    expect(await t.sql`select 1 from storage.objects where owner_id = ${alice.id}`).toHaveLength(1);
  });
});
