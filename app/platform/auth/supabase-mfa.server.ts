import { isAuthRetryableFetchError, type AuthError } from '@supabase/supabase-js';
import { createSupabaseServerClient, type SupabaseServerOptions } from '../supabase/server-client.server';
import type { AuthAdapter, SecondFactorErrorKey, SecondFactorOutcome } from './types';

/**
 * Supabase mode's second factor is Supabase MFA (TOTP): enrol, challenge and verify through
 * supabase-js, which stores the aal2 session it gets back in the cookies we return. Supabase
 * keeps the secrets, refuses replays and limits attempts itself.
 *
 * Exercised against the fake Supabase Auth's /factors endpoints (tests/support/fake-supabase-mfa.ts)
 * by tests/integration/supabase-second-factor.test.ts.
 */

type MfaOperations = Pick<AuthAdapter, 'listFactors' | 'enrolTotp' | 'verifyTotpEnrolment' | 'verifySecondFactor' | 'removeFactor'>;

export function createSupabaseMfa(options: SupabaseServerOptions): MfaOperations {
  const client = (request: Request) => createSupabaseServerClient(options, request);

  return {
    async listFactors(request) {
      const { supabase } = client(request);
      const { data } = await supabase.auth.mfa.listFactors();
      return (data?.all ?? [])
        .filter((factor) => factor.factor_type === 'totp')
        .map((factor) => ({
          id: factor.id,
          friendlyName: factor.friendly_name ?? null,
          verified: factor.status === 'verified',
          createdAt: factor.created_at,
        }));
    },

    async enrolTotp(request, { issuer, friendlyName }) {
      const { supabase } = client(request);
      // Supabase keeps an unfinished factor, and its friendly name, for a while (a second enrol with
      // the same name is refused): replace it, as the interface promises.
      const { data: listed } = await supabase.auth.mfa.listFactors();
      for (const factor of listed?.all ?? []) {
        if (factor.factor_type === 'totp' && factor.status === 'unverified') await supabase.auth.mfa.unenroll({ factorId: factor.id });
      }
      const { data, error } = await supabase.auth.mfa.enroll({ factorType: 'totp', issuer, friendlyName });
      if (error || !data || data.type !== 'totp') return null;
      return { factorId: data.id, secret: data.totp.secret, uri: data.totp.uri };
    },

    async verifyTotpEnrolment(request, { factorId, code }) {
      const { supabase, headers } = client(request);
      const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
      return outcome(error, headers);
    },

    async verifySecondFactor(request, { code }) {
      const { supabase, headers } = client(request);
      const { data } = await supabase.auth.mfa.listFactors();
      const factor = data?.totp[0];
      if (!factor) return { ok: false, error: 'errors.noFactor', headers };
      const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId: factor.id, code });
      return outcome(error, headers);
    },

    async removeFactor(request, { factorId, code }) {
      const { supabase, headers } = client(request);
      // Supabase only lets an aal2 session remove a verified factor: prove the code first.
      const { error } = await supabase.auth.mfa.challengeAndVerify({ factorId, code });
      if (error) return outcome(error, headers);
      const { error: removal } = await supabase.auth.mfa.unenroll({ factorId });
      return outcome(removal, headers);
    },
  };
}

function outcome(error: AuthError | null, headers: Headers): SecondFactorOutcome {
  if (!error) return { ok: true, headers };
  const unreachable = isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500;
  const key: SecondFactorErrorKey = unreachable
    ? 'errors.unavailable'
    : error.code === 'over_request_rate_limit'
      ? 'errors.tooManyAttempts'
      : error.code === 'mfa_factor_not_found'
        ? 'errors.noFactor'
        : error.status === 401
          ? 'errors.notSignedIn'
          : 'errors.codeInvalid';
  return { ok: false, error: key, headers };
}
