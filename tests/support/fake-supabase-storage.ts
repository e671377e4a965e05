// A small Supabase Storage for tests, at the HTTP boundary (node:http only), mounted beside the
// fake Supabase Auth on one base URL (SUPABASE_URL/storage/v1). Routes, bodies and status codes
// follow supabase/storage (src/http/routes/object/*.ts, src/http/error-handler.ts,
// src/internal/errors/codes.ts, src/storage/database/errors.ts, src/storage/uploader.ts):
//   POST   /object/{bucket}/{path}                upload (x-upsert), 200 { Id, Key }
//   GET    /object/{bucket}/{path}                download (deprecated route, what storage-js calls)
//   GET    /object/authenticated/{bucket}/{path}  download
//   POST   /object/list/{bucket}                  { prefix, limit, offset, sortBy, search } → one folder level
//   DELETE /object/{bucket}                       { prefixes: [...] } → 200 with the rows deleted
// Errors are `{ statusCode: '<code as text>', code, error, message }` sent with HTTP 400 (500 stays
// 500), as Storage does. Access is decided as on Supabase: the JWT from `Authorization: Bearer` is
// verified (HS256, the fake auth's secret), then the metadata query runs in Postgres *as that
// user* (request.jwt.claims + role), so our migrations' policies on storage.objects decide; the
// upload is tested as the user and written as the owner, like Storage's canUpload/completeUpload.
// The bytes stay in memory.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { JSONValue, Sql, TransactionSql } from 'postgres';
import { startFakeSupabaseAuth, type FakeRequest, type FakeSupabaseAuth, type FakeSupabaseAuthOptions } from './fake-supabase-auth';
import { verifyJwt, type Json } from './fake-supabase-auth-model';

export type StoredBytes = { bytes: Buffer; contentType: string; cacheControl: string; etag: string; lastModified: Date };
export type FakeSupabaseStorage = {
  /** Mount at `/storage/v1/`. */
  listener: RequestListener;
  /** Every request received: method, path (with /storage/v1), query, lower-case headers, body (JSON, or `{ bytes }`). */
  requests: FakeRequest[];
  /** The bytes, by `<bucket>/<name>`. */
  files: Map<string, StoredBytes>;
};
export type FakeSupabase = FakeSupabaseAuth & { storage: FakeSupabaseStorage };

const PREFIX = '/storage/v1';
const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024; // FILE_SIZE_LIMIT of a hosted free project
const VALID_KEY = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/; // storage's isValidKey

class StorageError extends Error {
  constructor(readonly httpStatusCode: number, readonly code: string, message: string, readonly error?: string) {
    super(message);
  }
}
const accessDenied = (message: string) => new StorageError(403, 'AccessDenied', message, 'Unauthorized');
const noSuchKey = () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found');
const noSuchBucket = () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found');
class Rollback extends Error {}

/** Storage's DBError.fromDBError for the codes our policies and tables can raise. */
function fromDbError(e: unknown): unknown {
  const { code, message } = e as { code?: string; message?: string };
  if (code === '42501') return accessDenied(message?.includes('row-level security') ? 'new row violates row-level security policy' : message ?? '');
  if (code === '23505') return new StorageError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate');
  if (code === '23503') return new StorageError(404, 'InvalidRequest', 'The related resource does not exist');
  if (typeof code === 'string') return new StorageError(500, 'DatabaseError', `database error, code: ${code}`);
  return e;
}

export function createFakeSupabaseStorage(options: { sql: Sql; jwtSecret: string; apiKeys: () => string[]; now?: () => number }): FakeSupabaseStorage {
  const { sql } = options;
  const now = options.now ?? Date.now;
  const requests: FakeRequest[] = [];
  const files = new Map<string, StoredBytes>();

  type Caller = { claims: Json; role: string; authenticated: boolean; owner: string | null };
  function caller(headers: Record<string, string>, allowInvalidJwt: boolean): Caller {
    const token = (headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const anon: Caller = { claims: { role: 'anon' }, role: 'anon', authenticated: false, owner: null };
    if (!token && allowInvalidJwt) return anon;
    const result = verifyJwt(token, options.jwtSecret, Math.floor(now() / 1000));
    if ('reason' in result) {
      if (allowInvalidJwt) return anon;
      throw accessDenied(result.reason);
    }
    const role = typeof result.claims.role === 'string' ? result.claims.role : 'anon';
    if (!['anon', 'authenticated', 'service_role'].includes(role)) throw accessDenied(`role "${role}" does not exist`);
    const sub = typeof result.claims.sub === 'string' ? result.claims.sub : null;
    return { claims: result.claims, role, authenticated: true, owner: sub };
  }

  /** One transaction as the caller, as Storage's TenantConnection does; `test` rolls it back (testPermission). */
  async function as<T>(who: Caller, fn: (tx: TransactionSql) => Promise<T>, test = false): Promise<T> {
    let result: T | undefined;
    try {
      await sql.begin(async (tx) => {
        await tx`select set_config('role', ${who.role}, true), set_config('request.jwt.claims', ${JSON.stringify(who.claims)}, true)`;
        result = await fn(tx);
        if (test) throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw fromDbError(e);
    }
    return result as T;
  }
  const findBucket = async (id: string) =>
    (await sql`select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = ${id}`)[0];

  async function upload(who: Caller, bucketId: string, name: string, h: Record<string, string>, body: Buffer) {
    const bucket = await findBucket(bucketId);
    if (!bucket) throw noSuchBucket();
    if (!name || !VALID_KEY.test(name)) throw new StorageError(400, 'InvalidKey', `Invalid key: ${name}`);
    const upsert = h['x-upsert'] === 'true';
    await as(who, (tx) => upsert
      ? tx`insert into storage.objects (bucket_id, name, owner, owner_id, version) values (${bucketId}, ${name}, ${who.owner}, ${who.owner}, '1')
           on conflict (name, bucket_id) do update set version = excluded.version, owner = excluded.owner, owner_id = excluded.owner_id`
      : tx`insert into storage.objects (bucket_id, name, owner, owner_id, version) values (${bucketId}, ${name}, ${who.owner}, ${who.owner}, '1')`, true);
    const mimeType = h['content-type'] || 'application/octet-stream';
    const allowed: string[] | null = bucket.allowed_mime_types;
    if (allowed?.length && !allowed.some((a) => a === mimeType || (a.endsWith('/*') && mimeType.startsWith(a.slice(0, -1))))) {
      throw new StorageError(415, 'InvalidMimeType', `mime type ${mimeType} is not supported`, 'invalid_mime_type');
    }
    const limit = Math.min(Number(bucket.file_size_limit ?? GLOBAL_FILE_SIZE_LIMIT), GLOBAL_FILE_SIZE_LIMIT);
    if (body.length > limit) throw new StorageError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large');
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const stored: StoredBytes = { bytes: body, contentType: mimeType, cacheControl: h['cache-control'] ?? 'no-cache', etag, lastModified: new Date(now()) };
    const metadata = {
      eTag: etag, size: body.length, mimetype: mimeType, cacheControl: stored.cacheControl,
      lastModified: stored.lastModified.toISOString(), contentLength: body.length, httpStatusCode: 200,
    };
    // completeUpload: as the owner (Storage's superuser), after the check above passed.
    const [row] = await sql`insert into storage.objects (bucket_id, name, owner, owner_id, metadata, version)
      values (${bucketId}, ${name}, ${who.owner}, ${who.owner}, ${sql.json(metadata as JSONValue)}, ${randomUUID()})
      on conflict (name, bucket_id) do update set metadata = excluded.metadata, version = excluded.version,
        owner = excluded.owner, owner_id = excluded.owner_id, updated_at = now()
      returning id`;
    files.set(`${bucketId}/${name}`, stored);
    return { Id: row!.id as string, Key: `${bucketId}/${name}` };
  }

  async function download(who: Caller, bucketId: string, name: string) {
    const bucket = await findBucket(bucketId);
    if (!who.authenticated && !bucket?.public) throw accessDenied('Access denied to this bucket');
    if (!bucket) throw noSuchBucket();
    const find = (q: Sql | TransactionSql) => q`select id from storage.objects where bucket_id = ${bucketId} and name = ${name}`;
    const rows = bucket.public ? await find(sql) : await as(who, find);
    const stored = files.get(`${bucketId}/${name}`);
    if (!rows.length || !stored) throw noSuchKey();
    return stored;
  }

  async function list(who: Caller, bucketId: string, b: Json) {
    if (typeof b.prefix !== 'string') throw new StorageError(400, 'InvalidRequest', "body must have required property 'prefix'");
    const prefix = b.prefix === '' || b.prefix.endsWith('/') ? b.prefix : `${b.prefix}/`;
    const rows = await as(who, (tx) => tx`select name, id, updated_at, created_at, last_accessed_at, metadata from storage.objects
      where bucket_id = ${bucketId} and left(name, ${prefix.length}) = ${prefix}`);
    const search = typeof b.search === 'string' ? b.search.toLowerCase() : '';
    const entries = new Map<string, Json>();
    for (const row of rows) {
      const rest = String(row.name).slice(prefix.length);
      const slash = rest.indexOf('/');
      const entryName = slash < 0 ? rest : rest.slice(0, slash);
      if (!entryName.toLowerCase().startsWith(search)) continue;
      entries.set(entryName, slash < 0
        ? { ...row, name: entryName }
        : { name: entryName, id: null, updated_at: null, created_at: null, last_accessed_at: null, metadata: null });
    }
    const sortBy = (b.sortBy ?? {}) as { column?: string; order?: string };
    const column = sortBy.column ?? 'name';
    const sorted = [...entries.values()].sort((x, y) => String(x[column] ?? '').localeCompare(String(y[column] ?? '')));
    if (sortBy.order === 'desc') sorted.reverse();
    const offset = Number(b.offset ?? 0);
    return sorted.slice(offset, offset + Number(b.limit ?? 100));
  }

  async function removeMany(who: Caller, bucketId: string, b: Json) {
    const prefixes = b.prefixes;
    if (!Array.isArray(prefixes) || !prefixes.length || !prefixes.every((p) => typeof p === 'string')) {
      throw new StorageError(400, 'InvalidRequest', 'body/prefixes must NOT have fewer than 1 items');
    }
    const deleted = await as(who, (tx) => tx`delete from storage.objects where bucket_id = ${bucketId} and name in ${tx(prefixes as string[])}
      returning bucket_id, name, owner, owner_id, id, updated_at, created_at, last_accessed_at, metadata, user_metadata, version`);
    for (const row of deleted) files.delete(`${bucketId}/${row.name}`);
    return [...deleted];
  }

  async function route(method: string, path: string, h: Record<string, string>, raw: Buffer, json: Json): Promise<[number, unknown]> {
    const parts = path.split('/').slice(1).map(decodeURIComponent); // ['object', …]
    if (parts[0] !== 'object' || parts.length < 2) throw new StorageError(404, 'NotFound', `Route ${method}:${PREFIX}${path} not found`, 'Not Found');
    if (method === 'POST' && parts[1] === 'list' && parts.length === 3) return [200, await list(caller(h, false), parts[2]!, json)];
    if (method === 'DELETE' && parts.length === 2) return [200, await removeMany(caller(h, false), parts[1]!, json)];
    if (method === 'GET' && parts[1] === 'authenticated' && parts.length >= 4) {
      return [200, await download(caller(h, false), parts[2]!, parts.slice(3).join('/'))];
    }
    if (parts.length >= 3) {
      const [bucket, name] = [parts[1]!, parts.slice(2).join('/')];
      if (method === 'GET') return [200, await download(caller(h, true), bucket, name)];
      if (method === 'POST') return [200, await upload(caller(h, false), bucket, name, h, raw)];
    }
    throw new StorageError(404, 'NotFound', `Route ${method}:${PREFIX}${path} not found`, 'Not Found');
  }

  async function handle(req: IncomingMessage): Promise<{ status: number; payload: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const target = new URL(req.url ?? '/', 'http://fake');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const method = req.method ?? 'GET';
    const isJson = (headers['content-type'] ?? '').startsWith('application/json');
    let json: Json = {};
    if (isJson && raw.length) {
      try {
        json = JSON.parse(raw.toString('utf8')) as Json;
      } catch {
        return { status: 400, payload: { statusCode: '400', error: 'Bad Request', message: 'Body is not valid JSON' } };
      }
    }
    requests.push({ method, path: target.pathname, query: Object.fromEntries(target.searchParams), headers, body: isJson ? json : { bytes: raw.length } });
    // Supabase's API gateway, before Storage: the project's API key.
    const key = headers.apikey || target.searchParams.get('apikey');
    if (!key) return { status: 401, payload: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' } };
    if (!options.apiKeys().includes(key)) return { status: 401, payload: { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' } };
    try {
      const [status, payload] = await route(method, target.pathname.slice(PREFIX.length), headers, raw, json);
      return { status, payload };
    } catch (caught) {
      if (!(caught instanceof StorageError)) console.error('[fake-supabase-storage]', caught);
      const e = caught instanceof StorageError ? caught : new StorageError(500, 'InternalError', 'Internal server error');
      return { status: e.httpStatusCode === 500 ? 500 : 400, payload: { statusCode: String(e.httpStatusCode), code: e.code, error: e.error ?? e.code, message: e.message } };
    }
  }

  const listener: RequestListener = (req, res) => {
    handle(req).then(({ status, payload }) => {
      if (status === 200 && payload && typeof payload === 'object' && 'bytes' in payload) {
        const file = payload as StoredBytes;
        res.writeHead(200, {
          'content-type': file.contentType, 'content-length': String(file.bytes.length), 'cache-control': file.cacheControl,
          etag: file.etag, 'last-modified': file.lastModified.toUTCString(),
        }).end(file.bytes);
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
    }, (error: unknown) => {
      console.error('[fake-supabase-storage]', error);
      res.writeHead(500).end();
    });
  };
  return { listener, requests, files };
}

/** The fake Supabase Auth and Storage on one base URL (SUPABASE_URL), sharing the JWT secret and the database. */
export async function startFakeSupabase(options: FakeSupabaseAuthOptions & { sql: Sql }): Promise<FakeSupabase> {
  const jwtSecret = options.jwtSecret ?? createHash('sha256').update(randomUUID()).digest('hex');
  let auth: FakeSupabaseAuth | undefined;
  const storage = createFakeSupabaseStorage({ sql: options.sql, jwtSecret, now: options.now, apiKeys: () => (auth ? [auth.anonKey] : []) });
  auth = await startFakeSupabaseAuth({ ...options, jwtSecret, mount: { ...options.mount, [`${PREFIX}/`]: storage.listener } });
  return Object.assign(auth, { storage });
}
