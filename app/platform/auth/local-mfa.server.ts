import type { Sql, Tx } from '../db/client.server';
import { createSecretBox } from './secret-box.server';
import { POWER_SESSION_LIFETIME_SECONDS } from './session-cookie.server';
import { generateTotpSecret, matchTotp, otpauthUri } from './totp.server';
import type { AuthAdapter, BaseIdentity, SecondFactorErrorKey, SecondFactorOutcome } from './types';

/**
 * The TOTP second factor of the local identity provider, in Supabase Auth's shape: factors in
 * auth.mfa_factors (secret sealed), a verified code lifts the session row to aal2 and names the
 * factor. Each code is good once (app.second_factor_steps) and each session may try
 * MAX_WRONG_CODES wrong codes before it is ended (app.second_factor_failures).
 */

export const MAX_WRONG_CODES = 5;

type MfaOperations = Pick<AuthAdapter, 'listFactors' | 'enrolTotp' | 'verifyTotpEnrolment' | 'verifySecondFactor' | 'removeFactor'>;

type Options = {
  sql: Sql;
  sessionSecret: string;
  /** The signed-in person and their session id, or null. */
  currentSession(request: Request): Promise<{ sessionId: string; identity: BaseIdentity } | null>;
  clearCookie(): Promise<Headers>;
};

type FactorRow = { id: string; secret: string };

export function createLocalMfa({ sql, sessionSecret, currentSession, clearCookie }: Options): MfaOperations {
  const box = createSecretBox(sessionSecret);

  /** True when the code is right and was not used before; the step is then spent. */
  async function spendCode(tx: Tx, factor: FactorRow, code: string) {
    const [used] = await tx`select last_step from app.second_factor_steps where factor_id = ${factor.id} for update`;
    const step = matchTotp(box.open(factor.secret), code, { lastUsedStep: used ? Number(used.last_step) : null });
    if (step === null) return false;
    await tx`insert into app.second_factor_steps (factor_id, last_step) values (${factor.id}, ${step})
             on conflict (factor_id) do update set last_step = excluded.last_step, used_at = now()`;
    return true;
  }

  /** Counts a wrong code; the last allowed one ends the session. */
  async function wrongCode(tx: Tx, sessionId: string): Promise<SecondFactorOutcome> {
    const [row] = await tx`
      insert into app.second_factor_failures (session_id, failures) values (${sessionId}, 1)
      on conflict (session_id) do update set failures = app.second_factor_failures.failures + 1, last_failed_at = now()
      returning failures`;
    if ((row?.failures as number) < MAX_WRONG_CODES) return failure('errors.codeInvalid');
    await tx`delete from auth.sessions where id = ${sessionId}`;
    return { ok: false, error: 'errors.tooManyAttempts', headers: await clearCookie() };
  }

  /** aal2 from now on; for an organizer or admin that is a session with powers, which ends 12 hours from now (ADR 006). */
  async function liftSession(tx: Tx, sessionId: string, factorId: string) {
    await tx`
      update auth.sessions s
      set aal = 'aal2', factor_id = ${factorId}, updated_at = now(),
          not_after = case when exists (select 1 from app.user_roles r where r.user_id = s.user_id and r.role in ('organizer', 'admin'))
                           then least(s.not_after, now() + make_interval(secs => ${POWER_SESSION_LIFETIME_SECONDS}))
                           else s.not_after end
      where s.id = ${sessionId}`;
    await tx`delete from app.second_factor_failures where session_id = ${sessionId}`;
    await tx`update auth.mfa_factors set updated_at = now() where id = ${factorId}`;
  }

  async function withSession(request: Request, fn: (tx: Tx, sessionId: string, userId: string) => Promise<SecondFactorOutcome>) {
    const current = await currentSession(request);
    if (!current) return failure('errors.notSignedIn');
    return sql.begin((tx) => fn(tx, current.sessionId, current.identity.userId));
  }

  return {
    async listFactors(request) {
      const current = await currentSession(request);
      if (!current) return [];
      const rows = await sql`
        select id, friendly_name, status, created_at from auth.mfa_factors
        where user_id = ${current.identity.userId} and factor_type = 'totp' order by created_at`;
      return rows.map((row) => ({
        id: row.id as string,
        friendlyName: row.friendly_name as string | null,
        verified: row.status === 'verified',
        createdAt: (row.created_at as Date).toISOString(),
      }));
    },

    async enrolTotp(request, { issuer, friendlyName }) {
      const current = await currentSession(request);
      if (!current) return null;
      const { userId, email, aal } = current.identity;
      return sql.begin(async (tx) => {
        const [verified] = await tx`select 1 from auth.mfa_factors where user_id = ${userId} and status = 'verified' limit 1`;
        // Whoever holds only the password must not add their own authenticator (Supabase refuses it too).
        if (verified && aal !== 'aal2') return null;
        await tx`delete from auth.mfa_factors where user_id = ${userId} and status = 'unverified'`;
        const secret = generateTotpSecret();
        const [factor] = await tx`
          insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
          values (gen_random_uuid(), ${userId}, ${friendlyName}, 'totp', 'unverified', ${box.seal(secret)}, now(), now())
          returning id`;
        return { factorId: factor!.id as string, secret, uri: otpauthUri(secret, { issuer, account: email }) };
      });
    },

    verifyTotpEnrolment: (request, { factorId, code }) =>
      withSession(request, async (tx, sessionId, userId) => {
        const [factor] = await tx<FactorRow[]>`
          select id, secret from auth.mfa_factors
          where id = ${factorId} and user_id = ${userId} and status = 'unverified' for update`;
        if (!factor) return failure('errors.noFactor');
        if (!(await spendCode(tx, factor, code))) return wrongCode(tx, sessionId);
        await tx`update auth.mfa_factors set status = 'verified', updated_at = now() where id = ${factor.id}`;
        await liftSession(tx, sessionId, factor.id);
        return { ok: true, headers: new Headers() };
      }),

    verifySecondFactor: (request, { code }) =>
      withSession(request, async (tx, sessionId, userId) => {
        const factors = await tx<FactorRow[]>`
          select id, secret from auth.mfa_factors
          where user_id = ${userId} and factor_type = 'totp' and status = 'verified' order by created_at for update`;
        if (factors.length === 0) return failure('errors.noFactor');
        for (const factor of factors) {
          if (await spendCode(tx, factor, code)) {
            await liftSession(tx, sessionId, factor.id);
            return { ok: true, headers: new Headers() };
          }
        }
        return wrongCode(tx, sessionId);
      }),

    removeFactor: (request, { factorId, code }) =>
      withSession(request, async (tx, sessionId, userId) => {
        const [factor] = await tx<FactorRow[]>`
          select id, secret from auth.mfa_factors where id = ${factorId} and user_id = ${userId} for update`;
        if (!factor) return failure('errors.noFactor');
        if (!(await spendCode(tx, factor, code))) return wrongCode(tx, sessionId);
        await tx`delete from auth.mfa_factors where id = ${factor.id}`;
        // Sessions that stood on this factor stand on nothing now.
        await tx`update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now()
                 where user_id = ${userId} and factor_id = ${factor.id}`;
        return { ok: true, headers: new Headers() };
      }),
  };
}

function failure(error: SecondFactorErrorKey): SecondFactorOutcome {
  return { ok: false, error, headers: new Headers() };
}
