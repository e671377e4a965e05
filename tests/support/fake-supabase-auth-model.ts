// The stateless half of the fake Supabase Auth (see fake-supabase-auth.ts): HS256 tokens, GoTrue's
// validation rules and messages, its error bodies and its user JSON. node:crypto only.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Json = Record<string, unknown>;
export type User = {
  id: string; email: string; passwordHash: string | null; identityId: string;
  createdAt: Date; updatedAt: Date; emailConfirmedAt: Date | null; lastSignInAt: Date | null;
  confirmationToken: string; confirmationSentAt: Date | null; recoveryToken: string; recoverySentAt: Date | null;
  userMetadata: Json;
};
export type Session = { id: string; userId: string; amr: Array<{ method: string; timestamp: number }>; refreshToken: string };

export const LINK_LIFETIME_MS = 3600_000; // GOTRUE_MAILER_OTP_EXP
export const REUSE_INTERVAL_MS = 10_000; // GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL
export const MIN_PASSWORD = 6; // GOTRUE_PASSWORD_MIN_LENGTH
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const appMetadata = () => ({ provider: 'email', providers: ['email'] });

// ---- errors: GoTrue's HTTPError, or OAuthError ({ error, error_description }) ----
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Json = {}, readonly oauth = false) {
    super(message);
  }
}
export const fail = (status: number, code: string, message: string, extra?: Json) => new ApiError(status, code, message, extra);

/** With `X-Supabase-Api-Version: 2024-01-01` (supabase-js always sends it) `{ code, message }`, else the legacy body. */
export function errorBody(e: ApiError, requestedVersion: string): Json {
  if (e.oauth) return { error: e.code, ...(e.message ? { error_description: e.message } : {}) };
  const modern = /^\d{4}-\d{2}-\d{2}$/.test(requestedVersion) && requestedVersion >= '2024-01-01';
  return modern ? { code: e.code, message: e.message, ...e.extra } : { code: e.status, error_code: e.code, msg: e.message, ...e.extra };
}

// ---- request parameters ----
export const str = (b: Json, key: string) => (typeof b[key] === 'string' ? (b[key] as string) : '');
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validEmail(email: string): string {
  if (!email) throw fail(400, 'validation_failed', 'An email address is required');
  if (email.length > 255) throw fail(400, 'validation_failed', 'An email address is too long');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail(400, 'validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

/** GoTrue's checkPasswordStrength (lengths in bytes, as Go's len()). */
export function checkPassword(password: string) {
  const bytes = Buffer.byteLength(password);
  if (bytes > 72) throw fail(400, 'validation_failed', 'Password cannot be longer than 72 characters');
  if (bytes < MIN_PASSWORD) {
    throw fail(422, 'weak_password', `Password should be at least ${MIN_PASSWORD} characters.`, { weak_password: { reasons: ['length'] } });
  }
}

/** True when the request starts a PKCE flow (the mailed token hash then carries a "pkce_" prefix). */
export function isPkce(b: Json): boolean {
  const [challenge, method] = [str(b, 'code_challenge'), str(b, 'code_challenge_method')];
  if (!challenge && !method) return false;
  if (!challenge || !method) throw fail(400, 'validation_failed', 'PKCE flow requires code_challenge_method and code_challenge');
  return true;
}

/** POST /signup's checks, in GoTrue's order. */
export function signupParams(b: Json) {
  if (!str(b, 'email') && !str(b, 'phone')) throw fail(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  const password = str(b, 'password');
  if (!password) throw fail(400, 'validation_failed', 'Signup requires a valid password');
  checkPassword(password);
  const pkce = isPkce(b);
  if (!str(b, 'email')) throw fail(400, 'phone_provider_disabled', 'Phone signups are disabled');
  return { email: validEmail(str(b, 'email')), password, data: isObject(b.data) ? b.data : {}, pkce };
}

/**
 * POST /verify's parameters: the token hash to look for, which stored tokens may hold it
 * (confirmation = 'signup', recovery/magic link = 'recovery'), and the refusal message. A 6-digit
 * `token` comes with its `email`; GoTrue stores sha224(email + token) as the hash.
 */
export function verifyParams(b: Json): { hash: string; kinds: string[]; invalid: string; email: string } {
  const [type, token, tokenHash] = [str(b, 'type'), str(b, 'token'), str(b, 'token_hash')];
  if (!type) throw fail(400, 'validation_failed', 'Verify requires a verification type');
  if (!token === !tokenHash) throw fail(400, 'validation_failed', 'Verify requires either a token or a token hash');
  let [hash, invalid, email] = [tokenHash, 'Email link is invalid or has expired', ''];
  if (token) {
    if (!str(b, 'email') || str(b, 'phone')) throw fail(400, 'validation_failed', 'Only an email address or phone number should be provided on verify');
    email = validEmail(str(b, 'email'));
    [hash, invalid] = [createHash('sha224').update(email + token).digest('hex'), 'Token has expired or is invalid'];
  } else if (str(b, 'email') || str(b, 'phone') || str(b, 'redirect_to')) {
    throw fail(400, 'validation_failed', 'Only the token_hash and type should be provided');
  }
  const kindsByType: Record<string, string[] | undefined> = {
    signup: ['signup'], invite: ['signup'], recovery: ['recovery'], magiclink: ['recovery'], email: ['signup', 'recovery'],
  };
  const kinds = kindsByType[type];
  if (!kinds) throw fail(400, 'validation_failed', token ? 'Unsupported verification type' : 'Invalid email verification type');
  return { hash, kinds, invalid, email };
}

// ---- user JSON (models.User; omitempty fields vanish when undefined) ----
const iso = (d: Date | null) => d?.toISOString();

export function userJson(u: User) {
  return {
    id: u.id, aud: 'authenticated', role: 'authenticated', email: u.email, email_confirmed_at: iso(u.emailConfirmedAt), phone: '',
    confirmation_sent_at: iso(u.confirmationSentAt), confirmed_at: iso(u.emailConfirmedAt), recovery_sent_at: iso(u.recoverySentAt),
    last_sign_in_at: iso(u.lastSignInAt), app_metadata: appMetadata(), user_metadata: { ...u.userMetadata },
    identities: [{
      identity_id: u.identityId, id: u.id, user_id: u.id,
      identity_data: { email: u.email, email_verified: u.emailConfirmedAt !== null, phone_verified: false, sub: u.id },
      provider: 'email', last_sign_in_at: iso(u.createdAt), created_at: iso(u.createdAt), updated_at: iso(u.updatedAt), email: u.email,
    }],
    created_at: iso(u.createdAt), updated_at: iso(u.updatedAt), is_anonymous: false,
  };
}

/** GoTrue's sanitizeUser: what a repeated sign-up of a confirmed address returns (new id, no identities). */
export function obfuscatedUser(id: string, email: string, data: Json, now: Date) {
  const t = now.toISOString();
  return {
    id, aud: 'authenticated', role: '', email, phone: '', confirmation_sent_at: t, app_metadata: appMetadata(),
    user_metadata: data, identities: [], created_at: t, updated_at: t, is_anonymous: false,
  };
}

// ---- HS256 JWT; refusals use golang-jwt v5's wording, which GoTrue wraps ----
export function signJwt(claims: Json, secret: string): string {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

export function verifyJwt(token: string, secret: string, nowSeconds: number): { claims: Json } | { reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { reason: 'token is malformed: token contains an invalid number of segments' };
  const [head, body, signature] = parts as [string, string, string];
  let header: Json;
  let claims: Json;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as Json;
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Json;
  } catch {
    return { reason: 'token is malformed: could not JSON decode token' };
  }
  if (header.alg !== 'HS256') return { reason: `token signature is invalid: signing method ${String(header.alg)} is invalid` };
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { reason: 'token signature is invalid: signature is invalid' };
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) return { reason: 'token has invalid claims: token is expired' };
  return { claims };
}
