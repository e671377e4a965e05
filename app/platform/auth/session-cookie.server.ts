import { createCookie } from '@remix-run/node';
import { runtime } from '../runtime.server';

/**
 * The local adapter's session cookie: it names a row of auth.sessions and is signed with
 * SESSION_SECRET, httpOnly and SameSite=Lax. It holds no identity of its own; deleting the row
 * (sign out, sign out everywhere, password change) ends the session wherever the cookie lives.
 */
export function createSessionCookie(secret: string, secure: boolean) {
  return createCookie('talaka_session', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    secrets: [secret],
    maxAge: SESSION_LIFETIME_SECONDS,
  });
}

/** A session ends 14 days after sign-in at the latest… */
export const SESSION_LIFETIME_SECONDS = 14 * 24 * 60 * 60;
/** …or after 12 hours without use (a seized device should not stay open); SESSION_IDLE_MINUTES changes it. */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;

/** The member's inactivity limit from SESSION_IDLE_MINUTES, read at request time from the runtime. */
export function configuredIdleSeconds(): number {
  try {
    return runtime().config.sessionIdleMinutes * 60;
  } catch {
    return SESSION_IDLE_SECONDS;
  }
}

/**
 * A session that holds organizer or admin powers (aal2 and one of those roles) ends sooner: 12
 * hours after the second factor was given, or after 30 minutes without a request (ADR 006).
 */
export const POWER_SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
export const POWER_SESSION_IDLE_SECONDS = 30 * 60; // or the member's limit, when that is shorter
