import type { Db, Tx } from '../db/client.server';
import { enqueueAuthMail } from '../mail/auth-mail.server';
import { createLocalMfa } from './local-mfa.server';
import { consumeToken, issueToken, type TokenKind } from './one-time-tokens.server';
import { hashPassword, verifyPassword } from './passwords.server';
import {
  createSessionCookie,
  POWER_SESSION_IDLE_SECONDS,
  POWER_SESSION_LIFETIME_SECONDS,
  configuredIdleSeconds,
  SESSION_LIFETIME_SECONDS,
} from './session-cookie.server';
import type { AuthAdapter, AuthOutcome, BaseIdentity, OtpType } from './types';

/**
 * The built-in identity provider of local and self-hosted mode. Users, sessions and one-time
 * tokens live in the `auth` schema in Supabase Auth's shape. It writes through the system handle,
 * as Supabase Auth writes with its own privileged role.
 */

export function createLocalAuth(options: {
  db: Db;
  appUrl: string;
  sessionSecret: string;
  /** A member's inactivity limit; SESSION_IDLE_MINUTES from the runtime's configuration when not given. */
  idleSeconds?: number;
}): AuthAdapter {
  const sql = options.db.system;
  const cookie = createSessionCookie(options.sessionSecret, options.appUrl.startsWith('https:'));
  const normalise = (email: string) => email.trim().toLowerCase();

  async function startSession(tx: Tx, userId: string, request: Request): Promise<Headers> {
    const [session] = await tx`
      insert into auth.sessions (id, user_id, created_at, updated_at, aal, not_after, refreshed_at, user_agent)
      values (gen_random_uuid(), ${userId}, now(), now(), 'aal1',
              now() + make_interval(secs => ${SESSION_LIFETIME_SECONDS}), now() at time zone 'utc',
              ${request.headers.get('user-agent')?.slice(0, 200) ?? null})
      returning id`;
    await tx`update auth.users set last_sign_in_at = now(), updated_at = now() where id = ${userId}`;
    return new Headers({ 'Set-Cookie': await cookie.serialize(session!.id) });
  }

  async function sessionId(request: Request): Promise<string | null> {
    const value: unknown = await cookie.parse(request.headers.get('Cookie'));
    return typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value) ? value : null;
  }

  const clearCookie = async () => new Headers({ 'Set-Cookie': await cookie.serialize('', { maxAge: 0 }) });

  async function getIdentity(request: Request): Promise<{ identity: BaseIdentity | null; headers: Headers }> {
    const id = await sessionId(request);
    if (!id) return { identity: null, headers: new Headers() };
    // A banned or deleted user's session stops at the next request (issue 7, acceptance 5).
    const memberIdle = options.idleSeconds ?? configuredIdleSeconds();
    const powerIdle = Math.min(POWER_SESSION_IDLE_SECONDS, memberIdle);
    // A session holding powers (aal2 + organizer or admin) has the shorter limits (ADR 006). Its
    // end is pulled in here too, not only when the second factor is given, so a role granted
    // during an aal2 session shortens that session as well.
    const [row] = await sql`
      with current_session as (
        select s.id, s.aal = 'aal2' and exists (
                 select 1 from app.user_roles r where r.user_id = s.user_id and r.role in ('organizer', 'admin')) as powered
        from auth.sessions s where s.id = ${id}
      )
      update auth.sessions s
      set refreshed_at = now() at time zone 'utc',
          not_after = case when c.powered then least(s.not_after, now() + make_interval(secs => ${POWER_SESSION_LIFETIME_SECONDS}))
                           else s.not_after end
      from current_session c, auth.users u
      where s.id = c.id and u.id = s.user_id
        and s.not_after > now()
        and s.refreshed_at > (now() at time zone 'utc')
              - make_interval(secs => case when c.powered then ${powerIdle}::int else ${memberIdle}::int end)
        and (u.banned_until is null or u.banned_until <= now()) and u.deleted_at is null
      returning s.user_id, u.email, s.aal`;
    if (!row) return { identity: null, headers: await clearCookie() };
    const identity: BaseIdentity = { userId: row.user_id, email: row.email, aal: row.aal === 'aal2' ? 'aal2' : 'aal1' };
    return { identity, headers: new Headers() };
  }

  async function currentSession(request: Request) {
    const id = await sessionId(request);
    const { identity } = await getIdentity(request);
    return id && identity ? { sessionId: id, identity } : null;
  }

  return {
    getIdentity,
    ...createLocalMfa({ sql, sessionSecret: options.sessionSecret, currentSession, clearCookie }),

    async signUp(_request, { email, password, language }) {
      const address = normalise(email);
      const hash = await hashPassword(password);
      await sql.begin(async (tx) => {
        const [created] = await tx`
          insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
                                  confirmation_sent_at, raw_app_meta_data, raw_user_meta_data,
                                  created_at, updated_at)
          values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated',
                  'authenticated', ${address}, ${hash}, now(),
                  ${sql.json({ provider: 'email', providers: ['email'] })},
                  ${sql.json({ language })}, now(), now())
          on conflict (lower(email)) where (is_sso_user = false) do nothing
          returning id`;
        if (created) {
          const token = await issueToken(tx, created.id, 'confirmation_token', address);
          await enqueueAuthMail(tx, { kind: 'confirm-signup', to: address, language, appUrl: options.appUrl, token });
          return;
        }
        const [existing] = await tx`
          select id, email_confirmed_at from auth.users where lower(email) = ${address} and not is_sso_user`;
        if (existing && !existing.email_confirmed_at) {
          const token = await issueToken(tx, existing.id, 'confirmation_token', address);
          await enqueueAuthMail(tx, { kind: 'confirm-signup', to: address, language, appUrl: options.appUrl, token });
        } else {
          await enqueueAuthMail(tx, { kind: 'already-registered', to: address, language, appUrl: options.appUrl });
        }
      });
      return { ok: true, headers: new Headers() } as AuthOutcome;
    },

    async signIn(request, { email, password }) {
      const [user] = await sql`
        select id, encrypted_password, email_confirmed_at from auth.users
        where lower(email) = ${normalise(email)} and not is_sso_user
          and deleted_at is null and (banned_until is null or banned_until < now())`;
      const matches = await verifyPassword(password, user?.encrypted_password);
      if (!user || !matches) return failure('errors.invalidCredentials');
      if (!user.email_confirmed_at) return failure('errors.emailNotConfirmed');
      return { ok: true, headers: await sql.begin((tx) => startSession(tx, user.id, request)) };
    },

    async signOut(request, { everywhere }) {
      const id = await sessionId(request);
      if (id && everywhere) {
        await sql`delete from auth.sessions where user_id = (select user_id from auth.sessions where id = ${id})`;
      } else if (id) {
        await sql`delete from auth.sessions where id = ${id}`;
      }
      return clearCookie();
    },

    async requestPasswordReset(_request, { email, language }) {
      await sendLinkIfKnown(email, language, 'reset-password');
    },

    async requestMagicLink(_request, { email, language }) {
      await sendLinkIfKnown(email, language, 'magic-link');
    },

    async verifyOtp(request, { type, tokenHash }) {
      const kind: TokenKind = type === 'signup' || type === 'email' ? 'confirmation_token' : 'recovery_token';
      return sql.begin(async (tx) => {
        const userId = await consumeToken(tx, tokenHash, kind);
        if (!userId) return failure('errors.linkInvalid');
        // Following a link from the inbox proves the address, whichever link it was.
        await tx`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
                 where id = ${userId}`;
        return { ok: true, headers: await startSession(tx, userId, request) } as AuthOutcome;
      });
    },

    async updatePassword(request, { password }) {
      const id = await sessionId(request);
      const { identity } = await getIdentity(request);
      if (!id || !identity) return failure('errors.notSignedIn');
      const hash = await hashPassword(password);
      await sql.begin(async (tx) => {
        await tx`update auth.users set encrypted_password = ${hash}, updated_at = now() where id = ${identity.userId}`;
        // A new password ends every other session: whoever knew the old one is out.
        await tx`delete from auth.sessions where user_id = ${identity.userId} and id <> ${id}`;
        await tx`delete from auth.one_time_tokens where user_id = ${identity.userId} and token_type = 'recovery_token'`;
      });
      return { ok: true, headers: new Headers() };
    },
  };

  async function sendLinkIfKnown(email: string, language: BaseLanguage, kind: 'reset-password' | 'magic-link') {
    const address = normalise(email);
    await sql.begin(async (tx) => {
      const [user] = await tx`
        select id from auth.users
        where lower(email) = ${address} and not is_sso_user and deleted_at is null`;
      if (!user) return;
      const token = await issueToken(tx, user.id, 'recovery_token', address);
      await enqueueAuthMail(tx, { kind, to: address, language, appUrl: options.appUrl, token });
    });
  }
}

type BaseLanguage = Parameters<typeof enqueueAuthMail>[1]['language'];

function failure(error: Extract<AuthOutcome, { ok: false }>['error']): AuthOutcome {
  return { ok: false, error, headers: new Headers() };
}

export type { OtpType };
