// Supabase mode over HTTP: the built app against the fake Supabase Auth (tests/support/fake-supabase-auth.ts)
// and a database cloned from the migrated template. Every step is a form a browser without JavaScript
// would submit. See supabase-mode-guards.test.ts for forged tokens, start-up refusals and the client bundle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieAttributes, startSupabaseMode, type Browser, type SupabaseMode } from '../support/supabase-http';

const PASSWORD = 'correct horse battery staple';
const CHECK_EMAIL = 'Thank you. Check your inbox: we have sent a message to this address. Open the link in it to continue.';
const LINK_SENT = 'If there is an account with this address, a message with a link is on its way. The link works for one hour.';

let s: SupabaseMode;
beforeAll(async () => {
  s = await startSupabaseMode();
});
afterAll(() => s?.stop());

const calls = (method: string, path: string) => s.fake.requests.filter((r) => r.method === method && r.path === `/auth/v1${path}`);
const authCookies = (setCookies: string[]) => setCookies.filter((line) => /^sb-[^=]+-auth-token/.test(line));

/** Follows the newest mail's link the way a person does: open it (GET), then press the button (POST). */
async function followLink(browser: Browser, to: string, type?: 'signup' | 'recovery' | 'magiclink') {
  const mail = s.lastMail(to, type);
  expect(mail, `a ${type ?? ''} mail to ${to}`).toBeDefined();
  const link = s.linkOf(mail!);
  const verifies = calls('POST', '/verify').length;
  const opened = await browser.get(link);
  expect(opened.status).toBe(200);
  expect(opened.text).toContain('Press the button to continue.');
  expect(calls('POST', '/verify')).toHaveLength(verifies); // a mail scanner opening the link uses nothing up
  const fields = Object.fromEntries(new URL(link, s.app.url).searchParams) as { token_hash: string; type: string };
  const pressed = await browser.post(link, fields);
  const verified = calls('POST', '/verify').slice(verifies);
  expect(verified).toHaveLength(1);
  expect(verified[0]?.body).toMatchObject({ token_hash: mail!.tokenHash, type: fields.type });
  return pressed;
}

async function signUpAndConfirm(email: string) {
  const browser = s.browser();
  await browser.post('/sign-up', { email, password: PASSWORD });
  const account = await followLink(browser, email, 'signup');
  expect(account.path).toBe('/account?welcome=1');
  return browser;
}

describe('sign-up and confirmation', () => {
  it('sends the sign-up to Supabase with the confirm URL, and says the same for new and known addresses', async () => {
    await s.fake.createUser({ email: 'taken@example.org', password: PASSWORD });
    const fresh = await s.browser().post('/sign-up', { email: 'Nina@Example.org', password: PASSWORD });
    const taken = await s.browser().post('/sign-up', { email: 'taken@example.org', password: 'a different passphrase' });
    const again = await s.browser().post('/sign-up', { email: 'nina@example.org', password: PASSWORD }); // within the mail limit: a 429 upstream

    const signups = calls('POST', '/signup');
    expect(signups.map((r) => r.query.redirect_to)).toEqual(Array(3).fill(`${s.app.url}/auth/confirm`));
    expect(signups[0]?.body).toMatchObject({ email: 'nina@example.org', password: PASSWORD, code_challenge_method: 's256' });
    expect(signups[0]?.headers.apikey).toBe(s.fake.anonKey);

    for (const page of [fresh, taken, again]) {
      expect(page.status).toBe(200);
      expect(page.text).toContain(CHECK_EMAIL);
      expect(page.text).toBe(fresh.text);
      expect(authCookies(page.setCookies)).toEqual([]); // not even the unused PKCE code verifier
    }
    expect(s.fake.mails.filter((m) => m.to === 'taken@example.org')).toEqual([]);
    expect(s.fake.mails.filter((m) => m.to === 'nina@example.org')).toHaveLength(1);
  });

  it('confirms through /auth/confirm (GET shows a button, POST verifies), signs in and shows the account', async () => {
    const browser = s.browser();
    const signUp = await browser.post('/sign-up', { email: 'ales@example.org', password: PASSWORD });
    expect(signUp.text).toContain(CHECK_EMAIL);
    const mail = s.lastMail('ales@example.org', 'signup')!;
    expect(mail.redirectTo).toBe(`${s.app.url}/auth/confirm`);

    const account = await followLink(browser, 'ales@example.org', 'signup');
    expect(account.hops[0]).toEqual({ status: 302, location: '/account?welcome=1' });
    expect(account.status).toBe(200);
    expect(account.text).toContain('Welcome to Talaka! Your e-mail address is confirmed.');
    expect(account.text).toContain('ales@example.org');
    // Role and profile rows made by the auth.users trigger, read as this user under RLS.
    expect(account.text).toMatch(/Roles member/);
    expect(account.text).toMatch(/Who sees your profile nobody but you/);

    const [user] = await s.t.sql`select id, email_confirmed_at from auth.users where email = 'ales@example.org'`;
    expect(user?.email_confirmed_at).toBeInstanceOf(Date);
    const profile = await s.t.db.asUser({ userId: user!.id as string, email: 'ales@example.org', aal: 'aal1' },
      (tx) => tx`select id, identity_audience from app.profiles`);
    expect(profile).toEqual([{ id: user!.id, identity_audience: 'only_me' }]);
    await s.t.sql`update app.profiles set display_name = 'Алесь' where id = ${user!.id as string}`;
    expect((await browser.get('/account')).text).toContain('Display name Алесь');

    // The identity came from GET /auth/v1/user with the session's access token.
    const userCalls = calls('GET', '/user');
    expect(userCalls.at(-1)?.headers.authorization).toMatch(/^Bearer ey/);

    // The same link does not work twice.
    const reused = await browser.clone().post(s.linkOf(mail), { token_hash: mail.tokenHash, type: 'email' });
    expect(reused.status).toBe(400);
    expect(reused.text).toContain('This link has expired or was already used.');
  });

  it('sets the Supabase cookies HttpOnly, SameSite=Lax, Path=/', async () => {
    const browser = s.browser();
    const signUp = await browser.post('/sign-up', { email: 'cookies@example.org', password: PASSWORD });
    expect(authCookies(signUp.setCookies)).toEqual([]);
    const account = await followLink(browser, 'cookies@example.org', 'signup');
    const signIn = await s.browser().post('/sign-in', { email: 'cookies@example.org', password: PASSWORD });
    const out = await browser.post('/sign-out', {});
    for (const page of [account, signIn, out]) {
      const lines = authCookies(page.setCookies);
      expect(lines.length, page.path).toBeGreaterThan(0);
      for (const line of lines) {
        const { attributes } = cookieAttributes(line);
        expect(attributes, line).toMatchObject({ httponly: '', samesite: 'Lax', path: '/' });
        expect(attributes, line).not.toHaveProperty('secure'); // the test app runs on plain http
        expect(attributes, line).not.toHaveProperty('domain');
      }
    }
    expect(authCookies(account.setCookies).some((line) => /-auth-token(\.\d+)?=base64-/.test(line))).toBe(true);
  });
});

describe('sign-in and sign-out', () => {
  it('translates a wrong password, and does not tell it apart from an unknown address', async () => {
    await signUpAndConfirm('wrong@example.org');
    const wrong = await s.browser().post('/sign-in', { email: 'wrong@example.org', password: 'not my password at all' });
    const unknown = await s.browser().post('/sign-in', { email: 'nobody@example.org', password: PASSWORD });
    for (const page of [wrong, unknown]) {
      expect(page.status).toBe(400);
      expect(page.text).toContain('The e-mail address or the password is wrong.');
      expect(authCookies(page.setCookies)).toEqual([]);
    }
    expect(wrong.text).toBe(unknown.text.replace('nobody@example.org', 'wrong@example.org'));
  });

  it('refuses an unconfirmed address with its own message', async () => {
    await s.browser().post('/sign-up', { email: 'unconfirmed@example.org', password: PASSWORD });
    const page = await s.browser().post('/sign-in', { email: 'unconfirmed@example.org', password: PASSWORD });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Please confirm your e-mail address first');
  });

  it('signs out through /logout, after which the old cookies give no access', async () => {
    await signUpAndConfirm('leaving@example.org');
    const browser = s.browser();
    const signedIn = await browser.post('/sign-in', { email: 'leaving@example.org', password: PASSWORD });
    expect(signedIn.path).toBe('/account');
    expect(signedIn.text).toContain('leaving@example.org');
    const stolen = browser.clone();

    const logouts = calls('POST', '/logout').length;
    const out = await browser.post('/sign-out', {});
    expect(out.hops[0]).toMatchObject({ status: 302, location: '/' });
    expect(calls('POST', '/logout').slice(logouts).map((r) => r.query)).toEqual([{ scope: 'local' }]);
    expect(authCookies(out.setCookies).length).toBeGreaterThan(0);
    expect([...browser.cookies.keys()].filter((n) => n.startsWith('sb-'))).toEqual([]);

    const replay = await stolen.get('/account');
    expect(replay.hops[0]).toMatchObject({ status: 302, location: '/sign-in?redirectTo=%2Faccount' });
    expect(replay.text).not.toContain('leaving@example.org');
  });

  it('"sign out on all devices" ends the other sessions too', async () => {
    const laptop = await signUpAndConfirm('everywhere@example.org');
    const phone = s.browser();
    expect((await phone.post('/sign-in', { email: 'everywhere@example.org', password: PASSWORD })).path).toBe('/account');
    await laptop.post('/sign-out', { everywhere: '1' });
    expect(calls('POST', '/logout').at(-1)?.query).toEqual({ scope: 'global' });
    expect((await phone.get('/account')).path).toBe('/sign-in?redirectTo=%2Faccount');
  });
});

describe('password reset and magic link', () => {
  it('resets a password: mail, confirm, /account/password, updateUser; then only the new password works', async () => {
    await signUpAndConfirm('forgetful@example.org');
    const browser = s.browser();
    const asked = await browser.post('/forgot-password', { email: 'forgetful@example.org' });
    expect(asked.text).toContain(LINK_SENT);
    expect(calls('POST', '/recover').at(-1)).toMatchObject({
      query: { redirect_to: `${s.app.url}/auth/confirm` }, body: { email: 'forgetful@example.org' },
    });
    const unknown = await s.browser().post('/forgot-password', { email: 'ghost@example.org' });
    expect(unknown.status).toBe(asked.status);
    expect(unknown.text).toBe(asked.text);

    const form = await followLink(browser, 'forgetful@example.org', 'recovery');
    expect(form.path).toBe('/account/password');
    expect(form.text).toContain('Set a new password');
    const NEW = 'a new and rather long passphrase';
    const saved = await browser.post('/account/password', { password: NEW, confirm: NEW });
    expect(saved.path).toBe('/account?passwordChanged=1');
    expect(saved.text).toContain('Your password has been changed.');
    expect(calls('PUT', '/user').at(-1)?.body).toMatchObject({ password: NEW });

    expect((await s.browser().post('/sign-in', { email: 'forgetful@example.org', password: PASSWORD })).status).toBe(400);
    expect((await s.browser().post('/sign-in', { email: 'forgetful@example.org', password: NEW })).path).toBe('/account');
  });

  it('sends a magic link without showing whether the address is known (the fake answers 422 for unknown)', async () => {
    await signUpAndConfirm('magic@example.org');
    const known = await s.browser().post('/magic-link', { email: 'magic@example.org' });
    const stranger = await s.browser().post('/magic-link', { email: 'stranger@example.org' });
    const [first, second] = calls('POST', '/otp').slice(-2);
    expect(first?.body).toMatchObject({ email: 'magic@example.org', create_user: false });
    expect(second?.body).toMatchObject({ email: 'stranger@example.org', create_user: false });
    expect(s.lastMail('stranger@example.org')).toBeUndefined();
    for (const page of [known, stranger]) {
      expect(page.status).toBe(200);
      expect(page.text).toContain(LINK_SENT);
      expect(page.text).toBe(known.text);
      expect(page.setCookies.map((c) => cookieAttributes(c).name)).toEqual(known.setCookies.map((c) => cookieAttributes(c).name));
    }

    const browser = s.browser();
    const account = await followLink(browser, 'magic@example.org', 'magiclink');
    expect(account.path).toBe('/account');
    expect(account.text).toContain('magic@example.org');
  });
});

describe('logs', () => {
  it('after all of the above, the app printed no e-mail address, token or stack trace', () => {
    const output = s.app.output();
    expect(output).not.toMatch(/@example\.org/);
    expect(output).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(output).not.toMatch(/pkce_[0-9a-f]{20,}/);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
