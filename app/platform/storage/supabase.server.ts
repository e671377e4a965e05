import { createSupabaseServerClient, type SupabaseServerOptions } from '../supabase/server-client.server';
import { isSafeObjectPath, type StorageActor, type StorageAdapter } from './types';

/**
 * Supabase mode: bytes and their storage.objects rows live in Supabase Storage, reached with
 * supabase-js **as the user**: the client is built from the actor's request cookies, so every
 * call carries the user's access token (or the anon key for a visitor) and Storage runs the
 * metadata query under that user's JWT. The policies on storage.objects in our migrations
 * (20261129010400_profile_files.sql) decide, exactly as with the local adapter.
 *
 * Any refusal (Storage answers 4xx: no such object, RLS, wrong bucket, wrong type or size) is
 * `false` / `null`, never telling "forbidden" from "missing". Storage being down or unreachable
 * (5xx, network) throws: that is an outage, not an answer.
 *
 * Cookie refreshes: if the access token in the cookie has expired, supabase-js refreshes it here
 * too; the refreshed cookies are not returned (the auth adapter's getIdentity, which runs first
 * in the same request, already returned them), and Supabase Auth hands the same new session to
 * a second refresh with the same token within its reuse interval.
 */

/** The buckets that hold a member's files, each under `<user-id>/…`. */
export const USER_BUCKETS = ['avatars', 'documents'] as const;

/** Supabase Storage refuses more per remove() call (docs: "a limit of 1000 objects at a time"). */
const BATCH = 1000;

export type SupabaseStorage = StorageAdapter & {
  /**
   * Erasure, step one: removes every file under `<user-id>/` in every bucket of USER_BUCKETS
   * through the Storage API, as the user (so bytes go with their rows; deleting rows with SQL
   * would orphan the bytes). Resolves with the number of files removed; throws when Storage is
   * unavailable or refuses to remove any of them, so the caller must not go on to delete the
   * auth user. Call it with the request of the user being erased, while their session is valid
   * (it checks that the session is theirs, with Supabase Auth).
   */
  removeAllUserFiles(actor: StorageActor): Promise<number>;
};

export function createSupabaseStorage(options: SupabaseServerOptions): SupabaseStorage {
  const storageAs = (request: Request) => createSupabaseServerClient(options, request).supabase.storage;

  return {
    async upload({ request }, { bucket, path, bytes, contentType }) {
      if (!isSafeObjectPath(bucket, path)) return false;
      const { error } = await storageAs(request).from(bucket).upload(path, bytes, { upsert: true, contentType });
      return error ? refusal(error, false) : true;
    },

    async download({ request }, { bucket, path }) {
      if (!isSafeObjectPath(bucket, path)) return null;
      const { data, error } = await storageAs(request).from(bucket).download(path);
      if (error) return refusal(error, null);
      return { bytes: new Uint8Array(await data.arrayBuffer()), contentType: data.type || 'application/octet-stream' };
    },

    async remove({ request }, { bucket, path }) {
      if (!isSafeObjectPath(bucket, path)) return false;
      // Storage answers 200 with the objects it deleted: none when missing or refused by RLS.
      const { data, error } = await storageAs(request).from(bucket).remove([path]);
      return error ? refusal(error, false) : data.length > 0;
    },

    async removeAllUserFiles({ identity, request }) {
      const { supabase } = createSupabaseServerClient(options, request);
      // Without this user's session, RLS would hide their files and the list would come back
      // empty: an erasure must stop rather than believe there is nothing to remove.
      const { data: session } = await supabase.auth.getUser();
      if (session.user?.id !== identity.userId) throw new Error('Supabase Storage: the request carries no session of this user');
      const storage = supabase.storage;
      let removed = 0;
      for (const bucket of USER_BUCKETS) {
        const files = await listFiles(storage.from(bucket), identity.userId, 0);
        for (let i = 0; i < files.length; i += BATCH) {
          const batch = files.slice(i, i + BATCH);
          const { data, error } = await storage.from(bucket).remove(batch);
          if (error) throw failed(error);
          if (data.length !== batch.length) {
            throw new Error(`Supabase Storage removed ${data.length} of ${batch.length} files in ${bucket}; erasure must stop here`);
          }
          removed += data.length;
        }
      }
      return removed;
    },
  };
}

type Bucket = ReturnType<ReturnType<typeof createSupabaseServerClient>['supabase']['storage']['from']>;

/** Every file below `prefix` (folders are listed with id null and walked into), as full paths. */
async function listFiles(bucket: Bucket, prefix: string, depth: number): Promise<string[]> {
  const files: string[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const { data, error } = await bucket.list(prefix, { limit: BATCH, offset, sortBy: { column: 'name', order: 'asc' } });
    if (error) throw failed(error);
    for (const entry of data) {
      const path = `${prefix}/${entry.name}`;
      if (entry.id !== null) files.push(path);
      else if (depth < 5) files.push(...(await listFiles(bucket, path, depth + 1)));
    }
    if (data.length < BATCH) return files;
  }
}

/** A 4xx from Storage is an answer (the fallback); anything else is an outage and throws. */
function refusal<T>(error: Error, fallback: T): T {
  const { status } = answer(error);
  if (typeof status === 'number' && status >= 400 && status < 500) return fallback;
  throw failed(error);
}

/**
 * A StorageApiError carries the HTTP status and Storage's own statusCode; a network failure
 * (StorageUnknownError) carries none. Read by shape: `instanceof` fails across the CommonJS and
 * ES module copies of @supabase/storage-js that a Node process can hold at once.
 */
function answer(error: Error): { status?: unknown; statusCode?: unknown } {
  return error as { status?: unknown; statusCode?: unknown };
}

function failed(error: Error) {
  const { status, statusCode } = answer(error);
  const detail = typeof status === 'number' ? ` (${status} ${String(statusCode)})` : '';
  return new Error(`Supabase Storage failed${detail}: ${error.message}`, { cause: error });
}
