import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../app/platform/storage/local.server';
import type { Identity } from '../../app/platform/db/client.server';
import type { StorageAdapter } from '../../app/platform/storage/types';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';

/**
 * The local storage adapter keeps bytes under STORAGE_DIR and lets the policies on
 * storage.objects decide, as Supabase Storage does. The bucket and its policies here are the
 * test's own: the app's buckets come with the profile migrations.
 */
let t: TestDatabase;
let root: string;
let storage: StorageAdapter;

beforeAll(async () => {
  t = await createTestDatabase();
  root = await mkdtemp(path.join(tmpdir(), 'talaka-storage-'));
  storage = createLocalStorage({ db: t.db, root });
  await t.sql.unsafe(`
    insert into storage.buckets (id, name, public) values ('private-test', 'private-test', false);
    create policy "Owners write their own folder" on storage.objects for insert to authenticated
      with check (bucket_id = 'private-test' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy "Owners read their own folder" on storage.objects for select to authenticated
      using (bucket_id = 'private-test' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy "Owners delete their own folder" on storage.objects for delete to authenticated
      using (bucket_id = 'private-test' and (storage.foldername(name))[1] = (select auth.uid())::text);`);
});
afterAll(async () => {
  await t.drop();
  await rm(root, { recursive: true, force: true });
});

const bytes = new TextEncoder().encode('%PDF-1.7 test');
const actor = (identity: Identity) => ({ identity, request: new Request('http://localhost/') });

describe('local storage adapter', () => {
  it('stores a file under STORAGE_DIR and gives it back to its owner', async () => {
    const alice = await createUser(t.sql);
    const objectPath = `${alice.userId}/cv1`;
    expect(await storage.upload(actor(alice), { bucket: 'private-test', path: objectPath, bytes, contentType: 'application/pdf' })).toBe(true);
    expect(existsSync(path.join(root, 'private-test', alice.userId, 'cv1'))).toBe(true);
    const file = await storage.download(actor(alice), { bucket: 'private-test', path: objectPath });
    expect(file?.contentType).toBe('application/pdf');
    expect(new TextDecoder().decode(file!.bytes)).toBe('%PDF-1.7 test');
  });

  it("another member can neither read nor delete it, and cannot write into the owner's folder", async () => {
    const alice = await createUser(t.sql);
    const mallory = await createUser(t.sql);
    const objectPath = `${alice.userId}/cv2`;
    await storage.upload(actor(alice), { bucket: 'private-test', path: objectPath, bytes, contentType: 'application/pdf' });
    expect(await storage.download(actor(mallory), { bucket: 'private-test', path: objectPath })).toBeNull();
    expect(await storage.remove(actor(mallory), { bucket: 'private-test', path: objectPath })).toBe(false);
    expect(await storage.upload(actor(mallory), { bucket: 'private-test', path: `${alice.userId}/planted`, bytes, contentType: 'application/pdf' })).toBe(false);
    expect(existsSync(path.join(root, 'private-test', alice.userId, 'planted'))).toBe(false);
    expect(await storage.download(actor(alice), { bucket: 'private-test', path: objectPath })).not.toBeNull();
  });

  it('refuses paths that could leave the storage folder', async () => {
    const alice = await createUser(t.sql);
    for (const objectPath of ['../escape', `${alice.userId}/../../x`, '/etc/passwd', `${alice.userId}/.hidden`]) {
      expect(await storage.upload(actor(alice), { bucket: 'private-test', path: objectPath, bytes, contentType: 'text/plain' })).toBe(false);
    }
    expect(await readdir(root)).not.toContain('escape');
  });

  it('the owner can remove the file; bytes and row are gone', async () => {
    const alice = await createUser(t.sql);
    const objectPath = `${alice.userId}/cv3`;
    await storage.upload(actor(alice), { bucket: 'private-test', path: objectPath, bytes, contentType: 'application/pdf' });
    expect(await storage.remove(actor(alice), { bucket: 'private-test', path: objectPath })).toBe(true);
    expect(existsSync(path.join(root, 'private-test', alice.userId, 'cv3'))).toBe(false);
    const rows = await t.sql`select 1 from storage.objects where name = ${objectPath}`;
    expect(rows).toHaveLength(0);
  });
});
