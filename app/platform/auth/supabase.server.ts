import { isAuthRetryableFetchError, type AuthError } from '@supabase/supabase-js';
import { createSupabaseServerClient } from '../supabase/server-client.server';
import { secondFactorIsFresh } from './second-factor-age';
import { createSupabaseMfa } from './supabase-mfa.server';
import type { AuthAdapter, AuthErrorKey, AuthOutcome } from './types';

/**
 * Supabase mode: identities come from Supabase Auth through @supabase/ssr. A server client is
 * made per request (../supabase/server-client.server.ts), reading that request's cookies and
 * collecting the cookies to set into a fresh Headers. The user is taken from getUser(), which
 * asks Supabase Auth to check the token; the session stored in the cookie is never trusted on
 * its own.
 *
 * Supabase sends its own auth mails; their templates must link to
 * `{{ .SiteURL }}/auth/confirm?token_hash={{ .TokenHash }}&type=…` (see README).
 */

export function createSupabaseAuth(options: { url: string; anonKey: string; appUrl: string }): AuthAdapter {
  const confirmUrl = `${options.appUrl}/auth/confirm`;

  const client = (request: Request) => createSupabaseServerClient(options, request);

  function outcome(error: AuthError | null, headers: Headers, otherwise: AuthErrorKey = 'errors.unavailable'): AuthOutcome {
    if (!error) return { ok: true, headers };
    // Supabase down or unreachable is never "wrong password" or "link expired": the person would
    // otherwise throw away a good link or doubt a good password.
    const unreachable = isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500;
    const key: AuthErrorKey = unreachable
      ? 'errors.unavailable'
      : error.code === 'invalid_credentials'
        ? 'errors.invalidCredentials'
        : error.code === 'email_not_confirmed'
          ? 'errors.emailNotConfirmed'
          : error.code === 'over_request_rate_limit' || error.code === 'over_email_send_rate_limit'
            ? 'errors.tooManyAttempts'
            : error.code === 'weak_password'
              ? 'errors.weakPassword'
              : error.code === 'same_password'
                ? 'errors.samePassword'
                : otherwise;
    return { ok: false, error: key, headers };
  }

  return {
    ...createSupabaseMfa(options),

    async getIdentity(request) {
      const { supabase, headers } = client(request);
      const { data, error } = await supabase.auth.getUser();
      if (error || !data.user?.email) return { identity: null, headers };
      // Supabase Auth refuses a banned user's still-valid access token on /user only since
      // supabase/auth#2642; the user it returns carries banned_until, so older servers are
      // answered here (ADR 026): a ban ends the session at the next request in both.
      if (isBanned(data.user)) return { identity: null, headers };
      const { data: level } = await supabase.auth.mfa.getAuthenticatorAssuranceLevel();
      // A second factor older than 12 hours no longer counts: powers need a fresh code (ADR 006).
      const aal = level?.currentLevel === 'aal2' && secondFactorIsFresh(level.currentAuthenticationMethods) ? 'aal2' : 'aal1';
      return { identity: { userId: data.user.id, email: data.user.email, aal }, headers };
    },

    async signUp(request, { email, password, language }) {
      const { supabase } = client(request);
      // With e-mail confirmation on, Supabase answers alike for new and existing addresses (T2).
      const { error } = await supabase.auth.signUp({ email, password, options: { emailRedirectTo: confirmUrl, data: { language } } });
      // No cookies go back: sign-up never starts a session, and the PKCE code verifier that
      // supabase-js stores is not needed to verify a token_hash link. Setting it would leave a
      // 400-day trace of this sign-up in the browser (seized devices) for nothing.
      const result = outcome(error, new Headers());
      // Only an outage or a refused password is worth saying; anything else (a resend limit,
      // say, which only known addresses hit) must look like success.
      if (!result.ok && (result.error === 'errors.unavailable' || result.error === 'errors.weakPassword')) return result;
      return { ok: true, headers: new Headers() };
    },

    async signIn(request, { email, password }) {
      const { supabase, headers } = client(request);
      const { error } = await supabase.auth.signInWithPassword({ email, password });
      return outcome(error, headers);
    },

    async signOut(request, { everywhere }) {
      const { supabase, headers } = client(request);
      await supabase.auth.signOut({ scope: everywhere ? 'global' : 'local' });
      return headers;
    },

    async requestPasswordReset(request, { email }) {
      const { supabase } = client(request);
      await supabase.auth.resetPasswordForEmail(email, { redirectTo: confirmUrl });
    },

    async requestMagicLink(request, { email }) {
      const { supabase } = client(request);
      // Unknown addresses make Supabase answer with an error; we tell nobody.
      await supabase.auth.signInWithOtp({ email, options: { shouldCreateUser: false, emailRedirectTo: confirmUrl } });
    },

    async verifyOtp(request, { type, tokenHash }) {
      const { supabase, headers } = client(request);
      const { error } = await supabase.auth.verifyOtp({ type, token_hash: tokenHash });
      return outcome(error, headers, 'errors.linkInvalid');
    },

    async updatePassword(request, { password }) {
      const { supabase, headers } = client(request);
      const { data } = await supabase.auth.getUser();
      if (!data.user) return { ok: false, error: 'errors.notSignedIn', headers };
      const { error } = await supabase.auth.updateUser({ password });
      return outcome(error, headers);
    },
  };
}

/** A ban whose end is still ahead (`banned_until` is not cleared when it passes). */
function isBanned(user: { banned_until?: string | null }) {
  const until = user.banned_until ? Date.parse(user.banned_until) : Number.NaN;
  return Number.isFinite(until) && until > Date.now();
}
