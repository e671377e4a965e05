// Supabase mode, the walls: getUser() (GET /auth/v1/user) decides who is signed in, never the cookie
// alone; a half-given configuration stops the process; no key reaches the browser (T13).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../app/platform/db/embedded.server';
import { startApp } from '../support/app-server';
import { signJwt } from '../support/fake-supabase-auth-model';
import { Browser, readSessionCookie, startSupabaseMode, writeSessionCookie, type SupabaseMode } from '../support/supabase-http';

const PASSWORD = 'correct horse battery staple';
const OTHER_SECRET = 'not-the-project-jwt-secret-but-just-as-long-0123456789';

let s: SupabaseMode;
// A service role key as Supabase issues it, signed with the project's (here: the fake's) JWT secret.
const jwtSecret = randomBytes(32).toString('hex');
const serviceRoleKey = signJwt({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, jwtSecret);
beforeAll(async () => {
  s = await startSupabaseMode({ fake: { jwtSecret }, env: { SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey } });
});
afterAll(() => s?.stop());

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
const userCalls = () => s.fake.requests.filter((r) => r.method === 'GET' && r.path === '/auth/v1/user');

async function signedInBrowser(email: string): Promise<{ browser: Browser; id: string }> {
  const { id } = await s.fake.createUser({ email, password: PASSWORD });
  const browser = s.browser();
  const page = await browser.post('/sign-in', { email, password: PASSWORD });
  expect(page.path).toBe('/account');
  expect(page.text).toContain(email);
  return { browser, id };
}

/** Opens /account with another access token (and user) in the cookie; returns the page and what the app sent upstream. */
async function accountWith(browser: Browser, token: (claims: Record<string, unknown>) => string, user?: Record<string, unknown>) {
  const { name, session } = readSessionCookie(browser);
  const forged = token(claimsOf(session.access_token as string));
  // The cookie says the session is fresh, so supabase-js does not refresh: the token goes to GET /user as is.
  writeSessionCookie(browser, name, {
    ...session, access_token: forged, expires_at: Math.floor(Date.now() / 1000) + 3000,
    ...(user ? { user: { ...(session.user as object), ...user } } : {}),
  });
  const before = userCalls().length;
  const page = await browser.get('/account');
  return { page, forged, sent: userCalls().slice(before).map((r) => r.headers.authorization) };
}

describe('identity comes from getUser()', () => {
  it('refuses a token re-signed with another secret, even one naming another user', async () => {
    const victim = await signedInBrowser('victim@example.org');
    const { browser } = await signedInBrowser('attacker@example.org');
    const { page, forged, sent } = await accountWith(
      browser,
      (claims) => signJwt({ ...claims, sub: victim.id, email: 'victim@example.org', aal: 'aal2' }, OTHER_SECRET),
      { id: victim.id, email: 'victim@example.org' },
    );
    expect(sent).toContain(`Bearer ${forged}`);
    expect(page.hops[0]).toMatchObject({ status: 302, location: '/sign-in?redirectTo=%2Faccount' });
    expect(page.text).not.toContain('victim@example.org');
    expect(page.text).not.toContain('attacker@example.org');
  });

  it('refuses an expired access token even when the cookie says the session is fresh', async () => {
    const { browser } = await signedInBrowser('expired@example.org');
    const { page, forged, sent } = await accountWith(browser, (claims) =>
      signJwt({ ...claims, iat: 1_700_000_000, exp: 1_700_003_600 }, s.fake.jwtSecret),
    );
    expect(sent).toContain(`Bearer ${forged}`);
    expect(page.path).toBe('/sign-in?redirectTo=%2Faccount');
  });

  it('refuses a cookie that is not a session at all, without a 500', async () => {
    const browser = s.browser();
    const { name } = readSessionCookie((await signedInBrowser('garbage@example.org')).browser);
    browser.cookies.set(name, 'base64-bm90IGpzb24');
    const page = await browser.get('/account');
    expect(page.path).toBe('/sign-in?redirectTo=%2Faccount');
  });

  it('accepts the genuine cookie, asking GET /auth/v1/user each time', async () => {
    const { browser } = await signedInBrowser('genuine@example.org');
    const before = userCalls().length;
    const page = await browser.get('/account');
    expect(page.status).toBe(200);
    expect(page.text).toContain('genuine@example.org');
    expect(userCalls().length).toBeGreaterThan(before);
  });
});

describe('refreshing', () => {
  it('refreshes a session past its expiry with the refresh token, and hands the new cookies back', async () => {
    const { browser } = await signedInBrowser('refresh@example.org');
    const { name, session } = readSessionCookie(browser);
    writeSessionCookie(browser, name, { ...session, expires_at: Math.floor(Date.now() / 1000) - 60 });
    const refreshes = () => s.fake.requests.filter((r) => r.path === '/auth/v1/token' && r.query.grant_type === 'refresh_token');
    const before = refreshes().length;
    const page = await browser.get('/account');
    expect(page.status).toBe(200);
    expect(page.text).toContain('refresh@example.org');
    expect(refreshes().length).toBeGreaterThan(before);
    expect(refreshes()[before]?.body).toMatchObject({ refresh_token: session.refresh_token });
    const renewed = readSessionCookie(browser).session;
    expect(renewed.refresh_token).not.toBe(session.refresh_token);
    expect(renewed.expires_at).toBeGreaterThan(Date.now() / 1000);

    const settled = refreshes().length;
    expect((await browser.get('/account')).text).toContain('refresh@example.org');
    expect(refreshes()).toHaveLength(settled);
  });
  // On a client-side navigation (a `?_data=` request, where the root loader does not run) the
  // refresh rotates the refresh token upstream; if the browser kept the old one, Supabase's reuse
  // detection would revoke the whole session seconds later.
  it('hands refreshed cookies back on a data request too', async () => {
    const { browser } = await signedInBrowser('navigate@example.org');
    const { name, session } = readSessionCookie(browser);
    writeSessionCookie(browser, name, { ...session, expires_at: Math.floor(Date.now() / 1000) - 60 });
    const data = await browser.get('/account?_data=routes%2Faccount._index');
    expect(data.status).toBe(200);
    expect(data.setCookies.filter((line) => line.startsWith(`${name}`))).not.toEqual([]);
  });
});

describe('Supabase Auth unreachable', () => {
  it('says so, instead of "wrong password" or "link expired", and fails closed without a 500', async () => {
    const { browser: signedIn } = await signedInBrowser('outage@example.org');
    const closed = `http://127.0.0.1:${await freePort()}`;
    const app = await startApp({ env: { DATABASE_URL: s.t.url, SUPABASE_URL: closed, SUPABASE_ANON_KEY: s.fake.anonKey } });
    try {
      const visitor = new Browser(app.url);
      expect((await visitor.get('/')).status).toBe(200);
      const signIn = await visitor.post('/sign-in', { email: 'outage@example.org', password: PASSWORD });
      expect(signIn.status).toBe(400);
      expect(signIn.text).toContain('We could not reach the sign-in service.');
      const link = { token_hash: 'pkce_0123456789abcdef0123456789abcdef', type: 'signup' };
      const confirm = await visitor.post(`/auth/confirm?${new URLSearchParams(link)}`, link);
      expect(confirm.status).toBe(400);
      expect(confirm.text).toContain('We could not reach the sign-in service.');
      expect(confirm.text).not.toContain('This link has expired');

      const stale = new Browser(app.url);
      for (const [name, value] of signedIn.cookies) stale.cookies.set(name, value);
      const account = await stale.get('/account');
      expect(account.path).toBe('/sign-in?redirectTo=%2Faccount');
      expect(account.status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

describe('configuration', () => {
  function boot(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string; seconds: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', PORT: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr, stdout, seconds: (Date.now() - started) / 1000 });
      });
    });
  }

  it('refuses to start in supabase mode without SUPABASE_ANON_KEY (even with the service key) or DATABASE_URL, at once, with one line naming it', async () => {
    const full = { SUPABASE_URL: s.fake.url, SUPABASE_ANON_KEY: s.fake.anonKey, DATABASE_URL: s.t.url };
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...full, SUPABASE_ANON_KEY: '' }, 'SUPABASE_ANON_KEY'],
      [{ SUPABASE_URL: full.SUPABASE_URL, DATABASE_URL: full.DATABASE_URL }, 'SUPABASE_ANON_KEY'],
      [{ SUPABASE_URL: full.SUPABASE_URL, SUPABASE_ANON_KEY: full.SUPABASE_ANON_KEY }, 'DATABASE_URL'],
      [{ ...full, DATABASE_URL: '' }, 'DATABASE_URL'],
      // A service role key is no stand-in for the anon key: still refused, never used instead.
      [{ ...full, SUPABASE_ANON_KEY: '', SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey }, 'SUPABASE_ANON_KEY'],
    ];
    const results = await Promise.all(cases.map(([env]) => boot(env)));
    results.forEach(({ code, stderr, stdout, seconds }, i) => {
      const variable = cases[i]![1];
      expect(code, stderr).not.toBe(0);
      // At once: before a database, a migration or a listening port, and without falling back to another mode.
      expect(stdout, variable).toBe('');
      expect(seconds, variable).toBeLessThan(20);
      const lines = stderr.trim().split('\n');
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable} `));
      expect(stderr).not.toContain(s.fake.anonKey);
      expect(stderr).not.toContain(serviceRoleKey);
    });
  });
});

describe('no key reaches the browser (T13)', () => {
  async function clientFiles(dir = 'public/build'): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => path.join(e.parentPath, e.name));
  }
  /** Every JWT-shaped string whose payload says role service_role, plus new-style secret keys. */
  function serviceKeysIn(text: string): string[] {
    const found = [...text.matchAll(/sb_secret_[A-Za-z0-9_-]{8,}/g)].map((m) => m[0]);
    for (const [jwt] of text.matchAll(/eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g)) {
      try {
        if (claimsOf(jwt).role === 'service_role') found.push(jwt);
      } catch {
        // not JSON inside: not a token
      }
    }
    return found;
  }

  it('the client build holds neither the service role key of this run nor any service_role token', async () => {
    const files = await clientFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text.includes(serviceRoleKey), file).toBe(false);
      expect(text.includes(s.fake.anonKey), file).toBe(false);
      expect(serviceKeysIn(text), file).toEqual([]);
    }
  });

  it('neither do the pages and scripts the running app serves, signed in or not', async () => {
    const { browser } = await signedInBrowser('bundle@example.org');
    const pages = await Promise.all(['/', '/sign-in', '/sign-up', '/magic-link'].map((p) => s.browser().get(p)));
    pages.push(await browser.get('/account'));
    const scripts = new Set(pages.flatMap((p) => [...p.html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!)));
    expect(scripts.size).toBeGreaterThan(0);
    const served = await Promise.all([...scripts].map(async (src) => (await fetch(new URL(src, s.app.url))).text()));
    for (const text of [...pages.map((p) => p.html), ...served]) {
      expect(text.includes(serviceRoleKey)).toBe(false);
      expect(text.includes(s.fake.anonKey)).toBe(false);
      expect(text.includes(s.fake.jwtSecret)).toBe(false);
      expect(serviceKeysIn(text)).toEqual([]);
    }
  });
});
