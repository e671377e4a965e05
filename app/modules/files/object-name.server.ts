import { randomBytes } from 'node:crypto';

/**
 * Object names are `<user-id>/<random>`: the folder lets the storage policies find the owner, the
 * random part (24 bytes, base64url: 32 characters) makes a path impossible to guess (T7).
 */
export function randomObjectName(userId: string) {
  return `${userId}/${randomBytes(24).toString('base64url')}`;
}

/** A profile id as Postgres writes a uuid; anything else names no profile. */
export function isProfileId(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}
