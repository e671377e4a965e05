import { randomUUID } from 'node:crypto';
import type { Sql } from '../../app/platform/db/client.server';
import { currentStep, generateTotpSecret, totpCode } from '../../app/platform/auth/totp.server';
import { signInAs, type HttpClient } from './http-client';

/** The TOTP secret the demo organizer and admins share (README, supabase/seed.sql). */
export const DEMO_TOTP_SECRET = 'TALAKADEMOSECRETFORPOWERSONLY234';

/** The code an authenticator app shows now (or `steps` × 30 s from now). */
export function codeFor(secret: string, steps = 0) {
  return totpCode(secret, currentStep() + steps);
}

/** Gives a user a verified TOTP factor, as finishing enrolment would; returns its secret. */
export async function giveVerifiedFactor(sql: Sql, userId: string, secret = generateTotpSecret()) {
  await sql`
    insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
    values (${randomUUID()}, ${userId}, 'Test authenticator', 'totp', 'verified', ${secret}, now(), now())`;
  return secret;
}

/** Signs in with the password, then gives the code: an aal2 session, as an organizer works. */
export async function signInWithSecondFactor(
  appUrl: string,
  email: string,
  secret: string,
  options: Parameters<typeof signInAs>[2] = {},
): Promise<HttpClient> {
  const client = await signInAs(appUrl, email, options);
  const page = await client.postForm('/auth/second-factor', { code: codeFor(secret) });
  if (page.status !== 302) throw new Error(`the second factor for ${email} answered ${page.status}, not a redirect`);
  return client;
}
