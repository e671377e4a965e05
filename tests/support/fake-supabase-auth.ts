// A small, in-memory Supabase Auth (GoTrue) for tests, at the HTTP boundary (node:http only).
// Requests, responses, error bodies and status codes follow supabase/auth (internal/api/*.go) as
// configured on a hosted project with "Confirm email" on: no autoconfirm, 1 h email links, one
// mail per address and kind per 60 s, password minimum 6, JWT expiry 3600 s, refresh-token reuse
// interval 10 s. The `apikey` check is what Supabase's API gateway (not GoTrue) does, with its body.
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { JSONValue, Sql } from 'postgres';
import bcrypt from 'bcryptjs';
import {
  ApiError, appMetadata, checkPassword, errorBody, fail, isObject, isPkce, LINK_LIFETIME_MS, NIL_UUID, obfuscatedUser,
  REUSE_INTERVAL_MS, signJwt, signupParams, str, userJson, validEmail, verifyJwt, verifyParams, type Json, type Session, type User,
} from './fake-supabase-auth-model';
import { fakeSupabaseMfa } from './fake-supabase-mfa';

export type FakeMail = {
  to: string;
  type: 'signup' | 'recovery' | 'magiclink';
  /** `{{ .TokenHash }}` of the email template ("pkce_"-prefixed when the request carried a code_challenge). */
  tokenHash: string;
  redirectTo?: string;
  /** `{{ .Token }}`: the 6-digit code, for verifyOtp({ email, token, type }). */
  token: string;
};
export type FakeRequest = { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: unknown };
export type FakeSupabaseAuth = {
  url: string;
  anonKey: string;
  jwtSecret: string;
  /** Mails the fake "sent" (Supabase sends its own auth mails): newest last. */
  mails: FakeMail[];
  /** Every request received, for assertions: method, path, query, headers (lower-case), body (parsed JSON). */
  requests: FakeRequest[];
  /** Test seeding, like an admin-created user: no mail, confirmed unless told otherwise. */
  createUser(user: { email: string; password: string; confirmed?: boolean; data?: Record<string, unknown> }): Promise<{ id: string }>;
  close(): Promise<void>;
};
export type FakeSupabaseAuthOptions = {
  sql?: Sql;
  port?: number;
  jwtSecret?: string;
  /** Clock in milliseconds (token expiry, link expiry, mail frequency); defaults to Date.now. */
  now?: () => number;
  jwtExpirySeconds?: number;
  /** GoTrue's SMTP max frequency, per address and kind of mail; 0 turns it off. */
  emailMaxFrequencySeconds?: number;
  /** Other Supabase services on the same base URL, by path prefix (e.g. `/storage/v1/`); see fake-supabase-storage.ts. */
  mount?: Record<string, RequestListener>;
};

const INVALID_LOGIN = 'Invalid login credentials';

export async function startFakeSupabaseAuth(options: FakeSupabaseAuthOptions = {}): Promise<FakeSupabaseAuth> {
  const sql = options.sql;
  const now = options.now ?? Date.now;
  const at = () => new Date(now());
  const jwtSecret = options.jwtSecret ?? randomBytes(32).toString('hex');
  const jwtExpiry = options.jwtExpirySeconds ?? 3600;
  const mailFrequencyMs = (options.emailMaxFrequencySeconds ?? 60) * 1000;
  const anonKey = signJwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, jwtSecret);
  const users = new Map<string, User>();
  const sessions = new Map<string, Session>();
  const refreshTokens = new Map<string, { sessionId: string; revokedAt: number | null }>();
  const mails: FakeMail[] = [];
  const requests: FakeRequest[] = [];
  let url = '';

  // ---- persistence: mirror into auth.users like GoTrue, which writes the project's database ----
  async function mirrorInsert(u: User) {
    if (!sql) return;
    try {
      await sql`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
          raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_sso_user, is_anonymous)
        values (${NIL_UUID}, ${u.id}, 'authenticated', 'authenticated', ${u.email}, ${u.passwordHash}, ${u.emailConfirmedAt},
          ${sql.json(appMetadata())}, ${sql.json(u.userMetadata as JSONValue)}, ${u.createdAt}, ${u.updatedAt}, false, false)`;
    } catch (error) {
      console.error('[fake-supabase-auth] insert into auth.users failed:', error);
      throw fail(500, 'unexpected_failure', 'Database error saving new user');
    }
  }
  async function mirror(u: User) {
    if (!sql) return;
    await sql`update auth.users set email_confirmed_at = ${u.emailConfirmedAt}, encrypted_password = ${u.passwordHash},
        confirmation_token = ${u.confirmationToken}, confirmation_sent_at = ${u.confirmationSentAt},
        recovery_token = ${u.recoveryToken}, recovery_sent_at = ${u.recoverySentAt}, last_sign_in_at = ${u.lastSignInAt},
        raw_user_meta_data = ${sql.json(u.userMetadata as JSONValue)}, updated_at = ${u.updatedAt}
      where id = ${u.id}`;
  }

  // ---- users ----
  const byEmail = (email: string) => [...users.values()].find((u) => u.email === email.toLowerCase());
  async function newUser(email: string, password: string, data: Json, confirmed = false): Promise<User> {
    const id = randomUUID();
    const t = at();
    const user: User = {
      id, email, passwordHash: bcrypt.hashSync(password, 4), identityId: randomUUID(), createdAt: t, updatedAt: t,
      emailConfirmedAt: confirmed ? t : null, lastSignInAt: null, confirmationToken: '', confirmationSentAt: null,
      recoveryToken: '', recoverySentAt: null,
      userMetadata: { ...data, email, email_verified: confirmed, phone_verified: false, sub: id },
    };
    await mirrorInsert(user);
    users.set(id, user);
    return user;
  }
  function confirm(u: User) {
    u.emailConfirmedAt = at();
    u.confirmationToken = '';
    u.userMetadata = { ...u.userMetadata, email_verified: true };
  }
  // ---- mail ----
  async function sendMail(u: User, type: FakeMail['type'], pkce: boolean, redirectTo: string | null) {
    const sentAt = type === 'signup' ? u.confirmationSentAt : u.recoverySentAt;
    if (sentAt && sentAt.getTime() + mailFrequencyMs > now()) {
      const left = Math.trunc((sentAt.getTime() + mailFrequencyMs - now()) / 1000);
      throw fail(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${left} seconds.`);
    }
    const token = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const tokenHash = (pkce ? 'pkce_' : '') + createHash('sha224').update(u.email + token).digest('hex');
    if (type === 'signup') [u.confirmationToken, u.confirmationSentAt] = [tokenHash, at()];
    else [u.recoveryToken, u.recoverySentAt] = [tokenHash, at()];
    await mirror(u);
    mails.push({ to: u.email, type, tokenHash, token, ...(redirectTo ? { redirectTo } : {}) });
  }

  // ---- sessions and tokens ----
  function rotate(session: Session) {
    const old = refreshTokens.get(session.refreshToken);
    if (old) old.revokedAt = now();
    session.refreshToken = randomBytes(9).toString('base64url');
    refreshTokens.set(session.refreshToken, { sessionId: session.id, revokedAt: null });
  }
  function endSession(id: string) {
    sessions.delete(id);
    for (const [token, rec] of refreshTokens) if (rec.sessionId === id) refreshTokens.delete(token);
  }
  function tokens(u: User, s: Session) {
    const iat = Math.floor(now() / 1000);
    const exp = iat + jwtExpiry;
    const access_token = signJwt({
      iss: `${url}/auth/v1`, sub: u.id, aud: 'authenticated', exp, iat, email: u.email, phone: '',
      app_metadata: appMetadata(), user_metadata: u.userMetadata, role: 'authenticated', aal: 'aal1', amr: s.amr,
      session_id: s.id, is_anonymous: false,
    }, jwtSecret);
    return { access_token, token_type: 'bearer', expires_in: jwtExpiry, expires_at: exp, refresh_token: s.refreshToken, user: userJson(u) };
  }
  async function signIn(u: User, method: string) {
    const session: Session = { id: randomUUID(), userId: u.id, amr: [{ method, timestamp: Math.floor(now() / 1000) }], refreshToken: '' };
    sessions.set(session.id, session);
    rotate(session);
    u.lastSignInAt = at();
    await mirror(u);
    return tokens(u, session);
  }
  function authenticate(headers: Record<string, string>) {
    const bearer = /^(?:B|b)earer (\S+)$/.exec(headers.authorization ?? '')?.[1];
    if (!bearer) throw fail(401, 'no_authorization', 'This endpoint requires a Bearer token');
    const result = verifyJwt(bearer, jwtSecret, Math.floor(now() / 1000));
    if ('reason' in result) throw fail(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${result.reason}`);
    const { sub, session_id: sid } = result.claims;
    if (typeof sub !== 'string' || !sub) throw fail(403, 'bad_jwt', 'invalid claim: missing sub claim');
    const user = users.get(sub);
    if (!user) throw fail(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    let session: Session | undefined;
    if (typeof sid === 'string' && sid && sid !== NIL_UUID) {
      session = sessions.get(sid);
      if (!session) throw fail(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    return { user, session, claims: result.claims };
  }

  // ---- endpoints ----
  async function route(method: string, path: string, q: URLSearchParams, b: Json, h: Record<string, string>): Promise<[number, unknown]> {
    const redirectTo = q.get('redirect_to');
    switch (`${method} ${path}`) {
      case 'GET /health':
        return [200, { version: 'fake', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' }];
      case 'GET /settings':
        return [200, { external: { email: true, phone: false, anonymous_users: false }, disable_signup: false, mailer_autoconfirm: false, phone_autoconfirm: false, sms_provider: '', saml_enabled: false }];
      case 'GET /.well-known/jwks.json':
        return [200, { keys: [] }];
      case 'POST /signup': {
        const { email, password, data, pkce } = signupParams(b);
        const existing = byEmail(email);
        if (existing?.emailConfirmedAt) return [200, obfuscatedUser(randomUUID(), email, data, at())];
        const user = existing ?? (await newUser(email, password, data)); // an unconfirmed user keeps its old password
        await sendMail(user, 'signup', pkce, redirectTo);
        return [200, userJson(user)];
      }
      case 'POST /token': {
        const grant = q.get('grant_type');
        if (grant === 'password') {
          const [email, password] = [str(b, 'email'), str(b, 'password')];
          if (email && str(b, 'phone')) throw fail(400, 'validation_failed', 'Only an email address or phone number should be provided on login.');
          if (!email && str(b, 'phone')) throw fail(422, 'phone_provider_disabled', 'Phone logins are disabled');
          const user = email ? byEmail(email) : undefined;
          if (!user?.passwordHash || !bcrypt.compareSync(password, user.passwordHash)) throw fail(400, 'invalid_credentials', INVALID_LOGIN);
          if (!user.emailConfirmedAt) throw fail(400, 'email_not_confirmed', 'Email not confirmed');
          return [200, await signIn(user, 'password')];
        }
        if (grant === 'refresh_token') {
          const rec = refreshTokens.get(str(b, 'refresh_token'));
          const session = rec && sessions.get(rec.sessionId);
          const user = session && users.get(session.userId);
          if (!rec || !session || !user) throw fail(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
          if (rec.revokedAt === null) rotate(session);
          else if (now() - rec.revokedAt > REUSE_INTERVAL_MS) {
            endSession(session.id); // reuse detection: the whole session is revoked
            throw fail(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
          } // else: a concurrent refresh within the reuse interval gets the session's current token
          return [200, tokens(user, session)];
        }
        throw new ApiError(400, 'unsupported_grant_type', '', {}, true);
      }
      case 'GET /user': {
        const { user, claims } = authenticate(h);
        if (claims.aud !== (h['x-jwt-aud'] || 'authenticated')) throw fail(400, 'validation_failed', "Token audience doesn't match request audience");
        return [200, userJson(user)];
      }
      case 'PUT /user': {
        const { user, session } = authenticate(h);
        if ((str(b, 'email') && str(b, 'email').toLowerCase() !== user.email) || str(b, 'phone')) {
          throw fail(400, 'validation_failed', 'The fake Supabase Auth does not implement email or phone changes');
        }
        if (typeof b.password === 'string') {
          checkPassword(b.password);
          if (user.passwordHash && bcrypt.compareSync(b.password, user.passwordHash)) {
            throw fail(422, 'same_password', 'New password should be different from the old password.');
          }
          user.passwordHash = bcrypt.hashSync(b.password, 4);
          [user.confirmationToken, user.confirmationSentAt, user.recoveryToken, user.recoverySentAt] = ['', null, '', null];
          for (const s of [...sessions.values()]) if (s.userId === user.id && s.id !== session?.id) endSession(s.id);
        }
        if (isObject(b.data)) {
          for (const [key, value] of Object.entries(b.data)) {
            if (value === null) delete user.userMetadata[key];
            else user.userMetadata[key] = value;
          }
        }
        user.updatedAt = at();
        await mirror(user);
        return [200, userJson(user)];
      }
      case 'POST /logout': {
        const { user, session } = authenticate(h);
        const scope = q.get('scope') ?? '';
        if (!['', 'global', 'local', 'others'].includes(scope)) throw fail(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
        for (const s of [...sessions.values()]) {
          if (s.userId !== user.id) continue;
          // without a session_id claim GoTrue logs out everywhere
          if (!session || (scope === 'local' ? s.id === session.id : scope !== 'others' || s.id !== session.id)) endSession(s.id);
        }
        return [204, undefined];
      }
      case 'POST /recover': {
        if (!str(b, 'email')) throw fail(400, 'validation_failed', 'Password recovery requires an email');
        const email = validEmail(str(b, 'email'));
        const pkce = isPkce(b);
        const user = byEmail(email);
        if (user) await sendMail(user, 'recovery', pkce, redirectTo);
        return [200, {}];
      }
      case 'POST /otp': {
        if (str(b, 'email') && str(b, 'phone')) throw fail(400, 'validation_failed', 'Only an email address or phone number should be provided');
        const pkce = isPkce(b);
        if (!str(b, 'email')) {
          if (str(b, 'phone')) throw fail(400, 'phone_provider_disabled', 'Unsupported phone provider');
          throw fail(400, 'validation_failed', 'One of email or phone must be set');
        }
        const email = validEmail(str(b, 'email'));
        let user = byEmail(email);
        if (!user && b.create_user === false) throw fail(422, 'otp_disabled', 'Signups not allowed for otp');
        if (user?.emailConfirmedAt) await sendMail(user, 'magiclink', pkce, redirectTo);
        else {
          // GoTrue signs a new or unconfirmed address up (random password): the confirmation mail is the link.
          user ??= await newUser(email, randomBytes(32).toString('hex'), isObject(b.data) ? b.data : {});
          await sendMail(user, 'signup', pkce, redirectTo);
        }
        return [200, {}];
      }
      case 'POST /verify': {
        const { hash, kinds, invalid, email } = verifyParams(b);
        const matches = (stored: string) => stored !== '' && (stored === hash || stored === `pkce_${hash}`);
        let found: { user: User; kind: string } | undefined;
        for (const u of users.values()) {
          for (const kind of kinds) if (matches(kind === 'signup' ? u.confirmationToken : u.recoveryToken)) found = { user: u, kind };
        }
        if (!found || (email && found.user.email !== email)) throw fail(403, 'otp_expired', invalid);
        const { user, kind } = found;
        const sentAt = kind === 'signup' ? user.confirmationSentAt : user.recoverySentAt;
        if (!sentAt || now() > sentAt.getTime() + LINK_LIFETIME_MS) throw fail(403, 'otp_expired', invalid);
        if (kind === 'signup') confirm(user);
        else {
          user.recoveryToken = '';
          if (!user.emailConfirmedAt) confirm(user);
        }
        user.updatedAt = at();
        return [200, await signIn(user, 'otp')];
      }
      default:
        throw fail(404, 'not_found', `The fake Supabase Auth has no route ${method} ${path}`);
    }
  }

  const mfa = fakeSupabaseMfa({ jwtSecret, now, authenticate, tokens, rotate }); // /factors, aal2 (fake-supabase-mfa.ts)
  async function handle(req: IncomingMessage): Promise<{ status: number; payload: unknown }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const target = new URL(req.url ?? '/', url);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    let body: unknown = null;
    let jsonError: string | null = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch (error) {
        [body, jsonError] = [raw, (error as Error).message];
      }
    }
    const method = req.method ?? 'GET';
    requests.push({ method, path: target.pathname, query: Object.fromEntries(target.searchParams), headers, body });
    if (!target.pathname.startsWith('/auth/v1/')) return { status: 404, payload: { message: 'no Route matched with those values' } };
    const key = headers.apikey || target.searchParams.get('apikey');
    if (!key) return { status: 401, payload: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' } };
    if (key !== anonKey) return { status: 401, payload: { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' } };
    try {
      if (jsonError) throw fail(400, 'bad_json', `Could not parse request body as JSON: ${jsonError}`);
      const path = target.pathname.slice('/auth/v1'.length).replace(/(.)\/$/, '$1');
      const [status, payload] = await mfa.route(route, method, path, target.searchParams, isObject(body) ? body : {}, headers);
      return { status, payload };
    } catch (caught) {
      if (!(caught instanceof ApiError)) console.error('[fake-supabase-auth]', caught);
      const e = caught instanceof ApiError ? caught : fail(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
      return { status: e.status, payload: errorBody(e, headers['x-supabase-api-version'] ?? '') };
    }
  }

  const server = createServer((req, res) => {
    const mounted = Object.entries(options.mount ?? {}).find(([prefix]) => (req.url ?? '').startsWith(prefix));
    if (mounted) return mounted[1](req, res);
    handle(req).then(({ status, payload }) => {
      const head: Record<string, string> = { 'x-supabase-api-version': '2024-01-01' };
      if (payload !== undefined) head['content-type'] = 'application/json';
      res.writeHead(status, head).end(payload === undefined ? undefined : JSON.stringify(payload));
    }, (error: unknown) => {
      console.error('[fake-supabase-auth]', error);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url, anonKey, jwtSecret, mails, requests,
    async createUser({ email, password, confirmed = true, data = {} }) {
      const user = await newUser(validEmail(email), password, data, confirmed);
      return { id: user.id };
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
