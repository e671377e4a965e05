/**
 * Tells a lost database apart from every other error: the server is down, restarting or
 * unreachable, or the connection broke mid-query. Such a request cannot succeed until PostgreSQL
 * is back, so the app answers 503 "briefly unavailable" instead of a 500 (server/database-outage.ts).
 */

/** Node socket errors and postgres.js's own connection error codes. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * SQLSTATE classes 08 (connection exception) and 57P01–57P03 (admin/crash shutdown, cannot
 * connect now: the server is stopping or still starting).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || SQLSTATE.test(code))) return true;
  // Node wraps several failed connection attempts (IPv4 and IPv6) in an AggregateError.
  if (error instanceof AggregateError) return error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
