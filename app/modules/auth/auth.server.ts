import { redirect } from '@remix-run/node';
import type { AuthOutcome, OtpType } from '~/platform/auth/types';
import { detectLanguage } from '~/platform/i18n.server';
import { clientAddress } from '~/platform/rate-limit/client-address.server';
import { emailKey, retryAfterHeaders, takeAttempt, type Attempt } from '~/platform/rate-limit/rate-limit.server';
import { runtime } from '~/platform/runtime.server';
import { afterSignIn } from './second-factor.server';
import { safeRedirect } from './session.server';

/**
 * The auth use-cases as routes call them. Whichever adapter the mode chose does the work; this
 * layer adds the language, the rate limits (ADR 026) and where to go next.
 *
 * Rate limits are keyed by the e-mail address as typed (normalised), never by whether it has an
 * account, and a refusal is one answer for every limit: 429, Retry-After and
 * `errors.tooManyAttempts`.
 */

/** 429 for a refusal by a rate limit, else 400: the status of a failed auth form. */
export function failureStatus(error: AuthErrorKeyOf<AuthOutcome>) {
  return error === 'errors.tooManyAttempts' ? 429 : 400;
}

type AuthErrorKeyOf<T> = T extends { ok: false; error: infer K } ? K : never;

function refusal(attempt: Extract<Attempt, { ok: false }>): Extract<AuthOutcome, { ok: false }> {
  return { ok: false, error: 'errors.tooManyAttempts', headers: retryAfterHeaders(attempt.retryAfterSeconds) };
}

export async function signUp(request: Request, input: { email: string; password: string }): Promise<AuthOutcome> {
  const attempt = await takeAttempt([
    { bucket: 'sign-up-email', key: emailKey(input.email) },
    { bucket: 'sign-up-address', key: clientAddress() },
  ]);
  if (!attempt.ok) return refusal(attempt);
  const language = await detectLanguage(request);
  return runtime().auth.signUp(request, { ...input, language });
}

/**
 * Every attempt counts against the account and the client address; a successful one gives its
 * attempts back, so only failures add up (a member who signs in daily never meets the limit).
 */
export async function signIn(request: Request, input: { email: string; password: string; redirectTo?: string }) {
  const attempt = await takeAttempt([
    { bucket: 'sign-in-account', key: emailKey(input.email) },
    { bucket: 'sign-in-address', key: clientAddress() },
  ]);
  if (!attempt.ok) return refusal(attempt);
  const language = await detectLanguage(request);
  const result = await runtime().auth.signIn(request, { ...input, language });
  if (!result.ok) return result;
  await attempt.giveBack();
  throw redirect(await afterSignIn(request, result.headers, safeRedirect(input.redirectTo)), { headers: result.headers });
}

export async function signOut(request: Request, everywhere: boolean) {
  const headers = await runtime().auth.signOut(request, { everywhere });
  throw redirect('/', { headers });
}

export async function requestPasswordReset(request: Request, email: string): Promise<AuthOutcome> {
  const attempt = await takeAttempt([
    { bucket: 'reset-email', key: emailKey(email) },
    { bucket: 'reset-address', key: clientAddress() },
  ]);
  if (!attempt.ok) return refusal(attempt);
  const language = await detectLanguage(request);
  await runtime().auth.requestPasswordReset(request, { email, language });
  return { ok: true, headers: new Headers() };
}

export async function requestMagicLink(request: Request, email: string): Promise<AuthOutcome> {
  const attempt = await takeAttempt([
    { bucket: 'magic-link-email', key: emailKey(email) },
    { bucket: 'magic-link-address', key: clientAddress() },
  ]);
  if (!attempt.ok) return refusal(attempt);
  const language = await detectLanguage(request);
  await runtime().auth.requestMagicLink(request, { email, language });
  return { ok: true, headers: new Headers() };
}

const nextPage: Record<OtpType, string> = {
  signup: '/account?welcome=1',
  email: '/account?welcome=1',
  magiclink: '/account',
  recovery: '/account/password',
};

/** Follows a link from an auth mail; on success the person is signed in and sent on. */
export async function followEmailLink(request: Request, input: { type: OtpType; tokenHash: string }) {
  const result = await runtime().auth.verifyOtp(request, input);
  if (!result.ok) return result;
  throw redirect(await afterSignIn(request, result.headers, nextPage[input.type]), { headers: result.headers });
}

export async function setNewPassword(request: Request, password: string) {
  return runtime().auth.updatePassword(request, { password });
}
