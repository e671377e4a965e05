import type { BaseIdentity } from '~/platform/auth/types';
import { runtime } from '~/platform/runtime.server';
import type { StorageActor, StorageAdapter } from '~/platform/storage/types';
import type { FileKind } from './limits';
import { randomObjectName } from './object-name.server';

/**
 * A profile has at most one current photo and one current CV: the object named by
 * profiles.photo_path / cv_path. Others can read only that object, and only when its part is open
 * to them (storage policies), so replacing a file means: store the new object, point the profile
 * at it, then delete the old one, which from that moment nobody else could read anyway.
 */
export const FILE_SLOTS = {
  photo: { bucket: 'avatars', column: 'photo_path', contentType: 'image/webp' },
  cv: { bucket: 'documents', column: 'cv_path', contentType: 'application/pdf' },
} as const satisfies Record<FileKind, { bucket: string; column: string; contentType: string }>;

/** The storage adapter of this mode; without one, files cannot be kept at all. */
export function fileStorage(): StorageAdapter {
  const storage = runtime().storage;
  if (!storage) throw new Response('File storage is not configured', { status: 503 });
  return storage;
}

/** Stores the bytes as the member's current file of this kind; its new object name, or null if refused. */
export async function replaceCurrentFile(actor: StorageActor, kind: FileKind, bytes: Uint8Array): Promise<string | null> {
  const storage = fileStorage();
  const { bucket, contentType } = FILE_SLOTS[kind];
  const path = randomObjectName(actor.identity.userId);
  if (!(await storage.upload(actor, { bucket, path, bytes, contentType }))) return null;
  let previous: string | null | undefined;
  try {
    previous = await pointProfileAt(actor.identity, kind, path);
  } catch (error) {
    await storage.remove(actor, { bucket, path });
    throw error;
  }
  if (previous === undefined) {
    await storage.remove(actor, { bucket, path });
    return null;
  }
  if (previous) await removeQuietly(storage, actor, bucket, previous);
  return path;
}

/** Forgets and deletes the member's current file of this kind; false when there was none. */
export async function clearCurrentFile(actor: StorageActor, kind: FileKind): Promise<boolean> {
  const storage = fileStorage();
  const previous = await pointProfileAt(actor.identity, kind, null);
  if (!previous) return false;
  await removeQuietly(storage, actor, FILE_SLOTS[kind].bucket, previous);
  return true;
}

/**
 * Sets the profile's path as the member (RLS: their own row only) and returns the one it replaced;
 * undefined when the member has no profile. The row is locked so that two uploads at once each
 * delete exactly the object the other replaced.
 */
async function pointProfileAt(identity: BaseIdentity, kind: FileKind, path: string | null) {
  const column = FILE_SLOTS[kind].column;
  return runtime().db.asUser(identity, async (tx) => {
    const [row] = await tx`select ${tx(column)} as path from app.profiles where id = auth.uid() for update`;
    if (!row) return undefined;
    await tx`update app.profiles set ${tx(column)} = ${path}, updated_at = now() where id = auth.uid()`;
    return row.path as string | null;
  });
}

/**
 * The old object is no longer current, so the policies already hide it from everyone but its
 * owner; if deleting it fails, it waits for the account's erasure rather than failing the upload.
 */
async function removeQuietly(storage: StorageAdapter, actor: StorageActor, bucket: string, path: string) {
  try {
    await storage.remove(actor, { bucket, path });
  } catch {
    console.error(`Could not remove a replaced object from ${bucket}`);
  }
}
