import { redirect } from '@remix-run/node';
import type { OtpType } from '~/platform/auth/types';
import { detectLanguage } from '~/platform/i18n.server';
import { runtime } from '~/platform/runtime.server';
import { afterSignIn } from './second-factor.server';
import { safeRedirect } from './session.server';

/**
 * The auth use-cases as routes call them. Whichever adapter the mode chose does the work; this
 * layer adds the language and where to go next.
 */

export async function signUp(request: Request, input: { email: string; password: string }) {
  const language = await detectLanguage(request);
  return runtime().auth.signUp(request, { ...input, language });
}

export async function signIn(request: Request, input: { email: string; password: string; redirectTo?: string }) {
  const language = await detectLanguage(request);
  const result = await runtime().auth.signIn(request, { ...input, language });
  if (!result.ok) return result;
  throw redirect(await afterSignIn(request, result.headers, safeRedirect(input.redirectTo)), { headers: result.headers });
}

export async function signOut(request: Request, everywhere: boolean) {
  const headers = await runtime().auth.signOut(request, { everywhere });
  throw redirect('/', { headers });
}

export async function requestPasswordReset(request: Request, email: string) {
  const language = await detectLanguage(request);
  await runtime().auth.requestPasswordReset(request, { email, language });
}

export async function requestMagicLink(request: Request, email: string) {
  const language = await detectLanguage(request);
  await runtime().auth.requestMagicLink(request, { email, language });
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
