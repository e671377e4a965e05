import type { BaseIdentity } from '../auth/types';

/**
 * Where file bytes live. Metadata is a row of storage.objects, written and read as the user so
 * that the bucket's RLS policies decide access, in every mode. Paths are `<user-id>/<random>`.
 */
export type StoredFile = { bytes: Uint8Array; contentType: string };

export interface StorageAdapter {
  /** Stores the bytes; refused (false) when the policies do not let this user write there. */
  upload(identity: BaseIdentity, input: { bucket: string; path: string; bytes: Uint8Array; contentType: string }): Promise<boolean>;
  /** The file, or null when it does not exist or this user may not read it (indistinguishable). */
  download(identity: BaseIdentity, input: { bucket: string; path: string }): Promise<StoredFile | null>;
  /** Removes the file; false when it does not exist or this user may not delete it. */
  remove(identity: BaseIdentity, input: { bucket: string; path: string }): Promise<boolean>;
}

/** Bucket names and object paths we create: no dots, no empty or parent segments. */
export function isSafeObjectPath(bucket: string, path: string) {
  return /^[a-z0-9_-]{1,63}$/.test(bucket) && /^[A-Za-z0-9_-]{1,100}(\/[A-Za-z0-9_-]{1,100}){0,4}$/.test(path);
}
