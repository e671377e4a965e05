import { POWER_SESSION_LIFETIME_SECONDS } from './session-cookie.server';

/**
 * Supabase mode cannot shorten a session per role (its time-box and inactivity timeout apply to
 * everyone), but each access token says when the second factor was given: the `totp` entry of
 * its `amr` claim, in seconds. A session whose second factor is older than the powers' lifetime
 * counts as aal1 here, so an organizer or admin must give a code again (ADR 006). For a member an
 * aal2 session opens nothing more than aal1, so the rule changes nothing for them.
 */
export type AuthenticationMethod = { method: string; timestamp: number };

/** `amr` may also come as bare method names, without a time: those prove nothing about age. */
export function secondFactorIsFresh(methods: readonly (AuthenticationMethod | string)[] | undefined, nowMs = Date.now()): boolean {
  const given = (methods ?? [])
    .filter((entry): entry is AuthenticationMethod => typeof entry === 'object' && entry.method === 'totp' && Number.isFinite(entry.timestamp))
    .map((entry) => entry.timestamp);
  if (given.length === 0) return false;
  return nowMs / 1000 - Math.max(...given) < POWER_SESSION_LIFETIME_SECONDS;
}
