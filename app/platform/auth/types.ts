import type { Aal, Identity } from '../db/client.server';
import type { Language } from '~/i18n/config';

/**
 * What every identity provider offers the app. The local adapter keeps users in the `auth` schema;
 * the Supabase adapter talks to Supabase Auth through @supabase/ssr. Both answer the same way, and
 * neither ever tells whether an e-mail address has an account.
 */

export type BaseIdentity = Pick<Identity, 'userId' | 'email' | 'aal'>;

/** The links in auth mails carry one of these. */
export type OtpType = 'signup' | 'recovery' | 'magiclink' | 'email';

/** Translation keys (namespace `auth`) for what can go wrong in a way the person must hear about. */
export type AuthErrorKey =
  | 'errors.invalidCredentials'
  | 'errors.emailNotConfirmed'
  | 'errors.linkInvalid'
  | 'errors.notSignedIn'
  | 'errors.tooManyAttempts'
  | 'errors.weakPassword'
  | 'errors.samePassword'
  | 'errors.unavailable';

export type AuthOutcome = { ok: true; headers: Headers } | { ok: false; error: AuthErrorKey; headers: Headers };

/** A second factor as the account page lists it (never its secret). */
export type FactorSummary = { id: string; friendlyName: string | null; verified: boolean; createdAt: string };

/** What an authenticator app needs to start making codes for a new, not yet verified factor. */
export type TotpEnrolment = { factorId: string; secret: string; uri: string };

/** Translation keys (namespace `security`) for what can go wrong with a second-factor code. */
export type SecondFactorErrorKey =
  | 'errors.codeInvalid'
  | 'errors.tooManyAttempts'
  | 'errors.notSignedIn'
  | 'errors.noFactor'
  | 'errors.enrolRefused'
  | 'errors.unavailable';

export type SecondFactorOutcome = { ok: true; headers: Headers } | { ok: false; error: SecondFactorErrorKey; headers: Headers };

export type MailRequest = { email: string; language: Language };

export interface AuthAdapter {
  /** The signed-in person, if any, plus headers to send back (refreshed cookies). */
  getIdentity(request: Request): Promise<{ identity: BaseIdentity | null; headers: Headers }>;
  /** Fails only where failing tells nothing about the address: the service is down, or the password is refused. */
  signUp(request: Request, input: MailRequest & { password: string }): Promise<AuthOutcome>;
  signIn(request: Request, input: { email: string; password: string; language: Language }): Promise<AuthOutcome>;
  signOut(request: Request, options: { everywhere: boolean }): Promise<Headers>;
  requestPasswordReset(request: Request, input: MailRequest): Promise<void>;
  requestMagicLink(request: Request, input: MailRequest): Promise<void>;
  verifyOtp(request: Request, input: { type: OtpType; tokenHash: string }): Promise<AuthOutcome>;
  updatePassword(request: Request, input: { password: string }): Promise<AuthOutcome>;

  // Second factor (TOTP). A verified code lifts the session to aal2.
  listFactors(request: Request): Promise<FactorSummary[]>;
  /** Starts a new TOTP factor (any unfinished one is replaced); null when not signed in. */
  enrolTotp(request: Request, input: { issuer: string; friendlyName: string }): Promise<TotpEnrolment | null>;
  /** The first code from the app activates the factor and lifts this session to aal2. */
  verifyTotpEnrolment(request: Request, input: { factorId: string; code: string }): Promise<SecondFactorOutcome>;
  /** Challenge and verify at sign-in. Too many wrong codes end the session (`errors.tooManyAttempts`). */
  verifySecondFactor(request: Request, input: { code: string }): Promise<SecondFactorOutcome>;
  /** Removing a verified factor needs a current code from it. */
  removeFactor(request: Request, input: { factorId: string; code: string }): Promise<SecondFactorOutcome>;
}

export type { Aal };
