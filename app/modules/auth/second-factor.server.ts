import { redirect } from '@remix-run/node';
import QRCode from 'qrcode';
import { otpauthUri } from '~/platform/auth/totp.server';
import { detectLanguage, translator } from '~/platform/i18n.server';
import { runtime } from '~/platform/runtime.server';
import { needsSecondFactor, safeRedirect, withRoles } from './session.server';

/**
 * The second factor as routes use it: where a fresh sign-in goes next, enrolment (QR code and
 * manual key), the code at sign-in, and removal. The adapter of the mode does the work.
 */

const ISSUER = 'Talaka';

/**
 * Where to send someone who has just signed in (the adapter's cookies in `headers`): organizers
 * and admins first give their code, or set up an authenticator if they have none.
 */
export async function afterSignIn(request: Request, headers: Headers, target: string): Promise<string> {
  const signedIn = new Request(request.url, { headers: { Cookie: cookiesOf(headers, request) } });
  const { identity } = await runtime().auth.getIdentity(signedIn);
  if (!identity || !needsSecondFactor(await withRoles(identity))) return target;
  const factors = await runtime().auth.listFactors(signedIn);
  const page = factors.some((factor) => factor.verified) ? '/auth/second-factor' : '/account/security';
  return `${page}?${new URLSearchParams({ redirectTo: target })}`;
}

/** The request's cookies overlaid with the ones just set, as the browser will send them next. */
function cookiesOf(headers: Headers, request: Request) {
  const jar = new Map<string, string>();
  for (const pair of (request.headers.get('Cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  for (const line of headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export const listFactors = (request: Request) => runtime().auth.listFactors(request);

export async function startEnrolment(request: Request, friendlyName: string) {
  return runtime().auth.enrolTotp(request, { issuer: ISSUER, friendlyName });
}

/**
 * What the enrolment page shows: the QR code as an SVG data: URI (the CSP allows data: images and
 * nothing third-party) and the key in groups of four for typing by hand.
 */
export async function describeEnrolment(factorId: string, secret: string, email: string) {
  const uri = otpauthUri(secret, { issuer: ISSUER, account: email });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    factorId,
    secret,
    groupedKey: secret.match(/.{1,4}/g)?.join(' ') ?? secret,
    picture: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

export const finishEnrolment = (request: Request, input: { factorId: string; code: string }) =>
  runtime().auth.verifyTotpEnrolment(request, input);

export const giveSecondFactor = (request: Request, code: string) => runtime().auth.verifySecondFactor(request, { code });

export const removeFactor = (request: Request, input: { factorId: string; code: string }) =>
  runtime().auth.removeFactor(request, input);

/** Too many wrong codes ended the session: off to sign in again, told why. */
export function afterSecondFactorFailure(outcome: { ok: false; error: string; headers: Headers }) {
  if (outcome.error === 'errors.tooManyAttempts') throw redirect('/sign-in?ended=second-factor', { headers: outcome.headers });
}

export function continueTo(target: FormDataEntryValue | string | null | undefined, headers: Headers): never {
  throw redirect(safeRedirect(target), { headers });
}

/** The document title of a security page, in the request's language (`security` namespace). */
export async function securityTitle(request: Request, key: 'secondFactor.title' | 'security.title') {
  const t = await translator(await detectLanguage(request), 'security');
  return t(key);
}
