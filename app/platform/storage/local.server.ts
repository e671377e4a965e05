import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client.server';
import { isSafeObjectPath, type StorageAdapter } from './types';

/**
 * Local and self-hosted mode: bytes in a folder (STORAGE_DIR, by default .data/storage), one file
 * per object at <bucket>/<path>. The storage.objects row is written and read as the user inside
 * the same transaction as the file operation, so the policies on storage.objects apply exactly
 * as they do on Supabase Storage, and a refused write leaves no file behind.
 */
export function createLocalStorage(options: { db: Db; root: string }): StorageAdapter {
  const root = path.resolve(options.root);
  const fileOf = (bucket: string, objectPath: string) => path.join(root, bucket, ...objectPath.split('/'));

  return {
    async upload({ identity }, { bucket, path: objectPath, bytes, contentType }) {
      if (!isSafeObjectPath(bucket, objectPath)) return false;
      const target = fileOf(bucket, objectPath);
      try {
        await options.db.asUser(identity, async (tx) => {
          await tx`
            insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
            values (${bucket}, ${objectPath}, ${identity.userId}, ${identity.userId},
                    ${tx.json({ mimetype: contentType, size: bytes.byteLength })})
            on conflict (bucket_id, name) do update
              set metadata = excluded.metadata, updated_at = now()`;
          await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
          const temporary = `${target}.${randomBytes(6).toString('hex')}.part`;
          await writeFile(temporary, bytes, { mode: 0o600 });
          await rename(temporary, target);
        });
        return true;
      } catch (error) {
        if (isPolicyRefusal(error)) return false;
        throw error;
      }
    },

    async download({ identity }, { bucket, path: objectPath }) {
      if (!isSafeObjectPath(bucket, objectPath)) return null;
      const [row] = await options.db.asUser(
        identity,
        (tx) => tx`select metadata ->> 'mimetype' as content_type from storage.objects
                   where bucket_id = ${bucket} and name = ${objectPath}`,
      );
      if (!row) return null;
      try {
        return { bytes: new Uint8Array(await readFile(fileOf(bucket, objectPath))), contentType: row.content_type ?? 'application/octet-stream' };
      } catch {
        return null;
      }
    },

    async remove({ identity }, { bucket, path: objectPath }) {
      if (!isSafeObjectPath(bucket, objectPath)) return false;
      return options.db.asUser(identity, async (tx) => {
        const deleted = await tx`delete from storage.objects where bucket_id = ${bucket} and name = ${objectPath} returning id`;
        if (deleted.length === 0) return false;
        const file = fileOf(bucket, objectPath);
        await rm(file, { force: true });
        // An emptied member folder goes too: an empty folder named by a user id is still a trace.
        await rmdir(path.dirname(file)).catch(() => {});
        return true;
      });
    },
  };
}

function isPolicyRefusal(error: unknown) {
  const code = (error as { code?: string }).code;
  return code === '42501' || code === '23503'; // insufficient privilege / RLS; unknown bucket
}
