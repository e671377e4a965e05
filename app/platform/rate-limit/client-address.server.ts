import { AsyncLocalStorage } from 'node:async_hooks';
import { isIP } from 'node:net';

/**
 * The address of the client of the current HTTP request, for per-address rate limits. The
 * server entry (server/http.ts) takes it from Express's `req.ip`, which follows
 * X-Forwarded-For only through the peers named in TRUSTED_PROXIES, and runs the request inside
 * `runWithClientAddress`. Kept on globalThis: the server entry and the Remix build are two
 * module graphs. The address is only ever hashed (app.hit_rate_limit), never stored or logged.
 */

const KEY = Symbol.for('talaka.clientAddress');
type Holder = { [KEY]?: AsyncLocalStorage<string> };
const holder = globalThis as Holder;
const store: AsyncLocalStorage<string> = (holder[KEY] ??= new AsyncLocalStorage<string>());

export function runWithClientAddress<T>(address: string | undefined, next: () => T): T {
  return store.run(rateLimitAddress(address), next);
}

/** The current client's address as rate limits count it; `unknown` outside a request. */
export function clientAddress(): string {
  return store.getStore() ?? 'unknown';
}

/**
 * One person usually holds a whole IPv6 /64, so IPv6 addresses count by their first four
 * groups; IPv4 mapped into IPv6 (`::ffff:1.2.3.4`) counts as the IPv4 address.
 */
export function rateLimitAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
