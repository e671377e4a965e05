import type { BaseIdentity } from '../auth/types';

/**
 * Where file bytes live. Metadata is a row of storage.objects, written and read as the user so
 * that the bucket's RLS policies decide access, in every mode. Paths are `<user-id>/<random>`.
 */
export type StoredFile = { bytes: Uint8Array; contentType: string };

/**
 * Who acts: the identity (local adapter: claims for RLS) and the request it came with (Supabase
 * adapter: the user's session cookies, so Supabase Storage applies the same policies).
 */
export type StorageActor = { identity: BaseIdentity; request: Request };

export interface StorageAdapter {
  /** Stores the bytes; refused (false) when the policies do not let this user write there. */
  upload(actor: StorageActor, input: { bucket: string; path: string; bytes: Uint8Array; contentType: string }): Promise<boolean>;
  /** The file, or null when it does not exist or this user may not read it (indistinguishable). */
  download(actor: StorageActor, input: { bucket: string; path: string }): Promise<StoredFile | null>;
  /** Removes the file; false when it does not exist or this user may not delete it. */
  remove(actor: StorageActor, input: { bucket: string; path: string }): Promise<boolean>;
}

/** Bucket names and object paths we create: no dots, no empty or parent segments. */
export function isSafeObjectPath(bucket: string, path: string) {
  return /^[a-z0-9_-]{1,63}$/.test(bucket) && /^[A-Za-z0-9_-]{1,100}(\/[A-Za-z0-9_-]{1,100}){0,4}$/.test(path);
}
