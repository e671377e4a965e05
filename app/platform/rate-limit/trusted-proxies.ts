import { isIP } from 'node:net';

/**
 * TRUSTED_PROXIES names the direct peers whose `X-Forwarded-For` is believed, in the words of
 * Express's `trust proxy` (proxy-addr): the names `loopback`, `linklocal`, `uniquelocal`, IP
 * addresses and CIDR ranges; or `none`. Anyone else's `X-Forwarded-For` is ignored, so a client
 * cannot choose the address its rate limits are counted against (ADR 026).
 */
const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function isTrustedProxyList(value: string): boolean {
  if (value === 'none') return true;
  const parts = value.split(',').map((part) => part.trim());
  return parts.length > 0 && parts.every(isTrustedProxy);
}

function isTrustedProxy(part: string): boolean {
  if (NAMES.has(part)) return true;
  const [address = '', bits, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
