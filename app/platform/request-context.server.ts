import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What belongs to one HTTP request across all its loaders: the identity, looked up once, and
 * the cookies the identity provider wants to set (Supabase rotates tokens when it refreshes a
 * session). The server entry opens a context per request (server/http.ts) and writes the
 * collected cookies into the response, whichever loader or action ran; a cookie that the route
 * itself sets under the same name wins.
 *
 * Kept on globalThis: the server entry and the Remix build are two module graphs.
 */
export type RequestContext = {
  cookies: string[];
  memo: Map<string, Promise<unknown>>;
};

const KEY = Symbol.for('talaka.requestContext');
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };
const holder = globalThis as Holder;
export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function newRequestContext(): RequestContext {
  return { cookies: [], memo: new Map() };
}

/** Queues the Set-Cookie values of `headers` for this request's response. */
export function queueCookies(headers: Headers) {
  const context = requestContext.getStore();
  if (!context) return;
  context.cookies.push(...headers.getSetCookie());
}

/** Runs `load` once per HTTP request for `key` (every loader of a page shares the answer). */
export function oncePerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const context = requestContext.getStore();
  if (!context) return load();
  let pending = context.memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    context.memo.set(key, pending);
  }
  return pending;
}

/** Names of the cookies in a list of Set-Cookie values. */
export function cookieNames(setCookies: string[]) {
  return new Set(setCookies.map((value) => value.slice(0, value.indexOf('=')).trim()));
}
