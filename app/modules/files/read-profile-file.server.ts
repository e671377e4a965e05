import { runtime } from '~/platform/runtime.server';
import type { StorageActor, StoredFile } from '~/platform/storage/types';
import { FILE_SLOTS } from './current-file.server';
import type { FileKind } from './limits';
import { isProfileId } from './object-name.server';

/**
 * The current photo or CV of a profile, as the viewer may read it, or null: no such profile, no
 * file, a part not open to the viewer, a malformed id all look the same (T7).
 *
 * The object's name never comes from the request. It is looked up as the viewer among the
 * owner's objects, where the storage policies show only what the viewer may read, narrowed by
 * app.can_see_current_file (definer) to the one the profile points at now; the bytes are then
 * fetched through the storage adapter as the viewer, so the policies decide a second time.
 */
export async function readProfileFile(actor: StorageActor, kind: FileKind, ownerId: string): Promise<StoredFile | null> {
  const storage = runtime().storage;
  if (!storage || !isProfileId(ownerId)) return null;
  const { bucket } = FILE_SLOTS[kind];
  const [row] = await runtime().db.asUser(
    actor.identity,
    (tx) => tx`select name from storage.objects
               where bucket_id = ${bucket} and name like ${`${ownerId}/%`}
                 and app.can_see_current_file(name, ${kind})
               limit 1`,
  );
  if (!row) return null;
  return storage.download(actor, { bucket, path: row.name as string });
}
