// Drives the fake Supabase Auth with the real supabase-js client, so the fake stays honest about
// what the client sends and expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { startFakeSupabaseAuth, type FakeSupabaseAuth } from './fake-supabase-auth';

const PASSWORD = 'correct horse battery';
let fake: FakeSupabaseAuth;

// supabase-js builds a RealtimeClient eagerly, and on Node 20 (no global WebSocket) that throws
// unless a transport is given. Nothing here opens a socket, so a constructor that refuses will do.
class NoRealtime {
  constructor() {
    throw new Error('realtime is not used in these tests');
  }
}
const realtime = { transport: NoRealtime as never };
const client = (url = fake.url, key = fake.anonKey): SupabaseClient =>
  createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType: 'implicit' },
    realtime,
  });
const lastMail = (to: string) => [...fake.mails].reverse().find((m) => m.to === to);
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  fake = await startFakeSupabaseAuth({});
});
afterAll(async () => {
  await fake.close();
});

describe('fake Supabase Auth, driven by supabase-js', () => {
  it('signs up, refuses the unconfirmed sign-in, confirms by token hash, then signs out for good', async () => {
    const auth = client().auth;
    const email = 'ales@example.org';
    const signUp = await auth.signUp({ email, password: PASSWORD, options: { emailRedirectTo: 'http://app.test/auth/confirm' } });
    expect(signUp.error).toBeNull();
    expect(signUp.data.session).toBeNull();
    expect(signUp.data.user).toMatchObject({ email, aud: 'authenticated', role: 'authenticated', app_metadata: { provider: 'email' } });
    expect(signUp.data.user?.email_confirmed_at).toBeUndefined();
    expect(signUp.data.user?.identities).toHaveLength(1);
    const mail = lastMail(email);
    expect(mail).toMatchObject({ type: 'signup', redirectTo: 'http://app.test/auth/confirm' });
    const signUpRequest = fake.requests.find((r) => r.path === '/auth/v1/signup');
    expect(signUpRequest?.query).toEqual({ redirect_to: 'http://app.test/auth/confirm' });
    expect(signUpRequest?.headers['x-supabase-api-version']).toBe('2024-01-01');
    expect(signUpRequest?.headers.apikey).toBe(fake.anonKey);

    const refused = await auth.signInWithPassword({ email, password: PASSWORD });
    expect(refused.error).toMatchObject({ status: 400, code: 'email_not_confirmed', message: 'Email not confirmed' });

    const verified = await auth.verifyOtp({ type: 'email', token_hash: mail!.tokenHash });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toEqual(expect.any(String));
    const accessToken = verified.data.session!.access_token;
    expect(claimsOf(accessToken)).toMatchObject({
      iss: `${fake.url}/auth/v1`, sub: signUp.data.user!.id, aud: 'authenticated', email, phone: '', role: 'authenticated',
      aal: 'aal1', amr: [{ method: 'otp', timestamp: expect.any(Number) }], session_id: expect.any(String), is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });

    const again = await auth.verifyOtp({ type: 'email', token_hash: mail!.tokenHash });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired' });

    const me = await auth.getUser();
    expect(me.data.user).toMatchObject({ id: signUp.data.user!.id, email });
    expect((await auth.getUser(accessToken)).data.user?.id).toBe(signUp.data.user!.id);

    expect((await auth.signOut()).error).toBeNull();
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/auth/v1/logout', query: { scope: 'global' } });
    const after = await auth.getUser(accessToken);
    expect(after.data.user).toBeNull();
    expect(after.error?.name).toBe('AuthSessionMissingError'); // the 403 session_not_found, as supabase-js maps it

    const signedIn = await auth.signInWithPassword({ email, password: PASSWORD });
    expect(signedIn.error).toBeNull();
    expect(claimsOf(signedIn.data.session!.access_token).amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
  });

  it('refuses wrong passwords and unknown addresses alike, and weak or overlong passwords at sign-up', async () => {
    const auth = client().auth;
    await fake.createUser({ email: 'known@example.org', password: PASSWORD });
    const wrong = await auth.signInWithPassword({ email: 'known@example.org', password: 'not the password' });
    const unknown = await auth.signInWithPassword({ email: 'nobody@example.org', password: PASSWORD });
    for (const { error } of [wrong, unknown]) {
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    }
    const weak = await auth.signUp({ email: 'weak@example.org', password: '12345' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
    const long = await auth.signUp({ email: 'long@example.org', password: 'x'.repeat(73) });
    expect(long.error).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('answers a repeated sign-up of a confirmed address with an obfuscated user and sends nothing', async () => {
    const { id } = await fake.createUser({ email: 'taken@example.org', password: PASSWORD });
    const mailsBefore = fake.mails.length;
    const { data, error } = await client().auth.signUp({ email: 'taken@example.org', password: 'another password' });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.id).not.toBe(id);
    expect(data.user?.identities).toEqual([]);
    expect(fake.mails.length).toBe(mailsBefore);
  });

  it('resets a password: same answer for known and unknown addresses, recovery link, new password', async () => {
    const auth = client().auth;
    await fake.createUser({ email: 'reset@example.org', password: PASSWORD });
    const mailsBefore = fake.mails.length;
    const known = await auth.resetPasswordForEmail('reset@example.org', { redirectTo: 'http://app.test/reset' });
    const unknown = await auth.resetPasswordForEmail('ghost@example.org', { redirectTo: 'http://app.test/reset' });
    expect(known).toEqual({ data: {}, error: null });
    expect(unknown).toEqual(known);
    expect(fake.mails.slice(mailsBefore)).toEqual([expect.objectContaining({ to: 'reset@example.org', type: 'recovery', redirectTo: 'http://app.test/reset' })]);

    const tooSoon = await auth.resetPasswordForEmail('reset@example.org');
    expect(tooSoon.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });

    const recovered = await auth.verifyOtp({ type: 'recovery', token_hash: lastMail('reset@example.org')!.tokenHash });
    expect(recovered.error).toBeNull();
    const same = await auth.updateUser({ password: PASSWORD });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
    expect((await auth.updateUser({ password: 'a brand new password' })).error).toBeNull();

    const fresh = client().auth;
    expect((await fresh.signInWithPassword({ email: 'reset@example.org', password: PASSWORD })).error?.code).toBe('invalid_credentials');
    expect((await fresh.signInWithPassword({ email: 'reset@example.org', password: 'a brand new password' })).error).toBeNull();
  });

  it('sends magic links to existing users only when sign-ups are not allowed', async () => {
    const auth = client().auth;
    const { id } = await fake.createUser({ email: 'magic@example.org', password: PASSWORD });
    const sent = await auth.signInWithOtp({ email: 'magic@example.org', options: { shouldCreateUser: false, emailRedirectTo: 'http://app.test/m' } });
    expect(sent.error).toBeNull();
    expect(fake.requests.at(-1)?.body).toMatchObject({ email: 'magic@example.org', create_user: false });
    const mail = lastMail('magic@example.org');
    expect(mail).toMatchObject({ type: 'magiclink', redirectTo: 'http://app.test/m' });

    const stranger = await auth.signInWithOtp({ email: 'stranger@example.org', options: { shouldCreateUser: false } });
    expect(stranger.error).toMatchObject({ status: 422, code: 'otp_disabled', message: 'Signups not allowed for otp' });
    expect(lastMail('stranger@example.org')).toBeUndefined();

    const signedIn = await auth.verifyOtp({ type: 'magiclink', token_hash: mail!.tokenHash });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.user?.id).toBe(id);
    expect((await auth.verifyOtp({ type: 'magiclink', token_hash: mail!.tokenHash })).error?.code).toBe('otp_expired');
  });

  it('rotates refresh tokens and refuses an old one once the reuse interval is over', async () => {
    let clock = Date.now();
    const timed = await startFakeSupabaseAuth({ now: () => clock });
    try {
      await timed.createUser({ email: 'time@example.org', password: PASSWORD });
      const auth = client(timed.url, timed.anonKey).auth;
      const first = (await auth.signInWithPassword({ email: 'time@example.org', password: PASSWORD })).data.session!;
      const second = await auth.refreshSession({ refresh_token: first.refresh_token });
      expect(second.error).toBeNull();
      expect(second.data.session?.refresh_token).not.toBe(first.refresh_token);
      clock += 11_000;
      const reused = await auth.refreshSession({ refresh_token: first.refresh_token });
      expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });

      clock += 3600_000;
      const expired = await auth.getUser(second.data.session!.access_token);
      expect(expired.error).toMatchObject({ status: 403, code: 'bad_jwt' });
    } finally {
      await timed.close();
    }
  });

  it('answers in GoTrue error shapes and refuses requests without the anon key', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${fake.url}/auth/v1/token?grant_type=password`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'whatever' }),
      });
    const modern = await post({ apikey: fake.anonKey, 'x-supabase-api-version': '2024-01-01' });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await modern.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    const legacy = await post({ apikey: fake.anonKey });
    expect(await legacy.json()).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
    const noKey = await post({});
    expect(noKey.status).toBe(401);
    const badKey = await client(fake.url, `${fake.anonKey}x`).auth.signInWithPassword({ email: 'a@example.org', password: PASSWORD });
    expect(badKey.error).toMatchObject({ status: 401, message: 'Invalid API key' });
  });
});
