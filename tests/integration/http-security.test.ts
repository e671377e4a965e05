import { describe, expect, test } from 'vitest';
import { startApp } from '../support/app-server';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { countMails, createClient, decodeHtml, htmlLang, translation, type HttpClient, signInAs } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * What the HTTP layer promises whatever the page: cross-site writes refused (T11), a CSP nonce on
 * every script (T10), hardening headers, the health check, the language of every answer, and a
 * development outbox that production does not have.
 */

const running = useSelfHostedApp();

const EVIL = { Origin: 'https://evil.example' };

async function signedIn() {
  const user = await createUser(running.database.sql);
  return { user, client: await signInAs(running.app.url, user.email) };
}

const isSignedIn = async (client: HttpClient) => (await client.get('/account')).status === 200;

describe('cross-site writes (T11)', () => {
  test('a sign-up posted from another site is refused with 403 and sends no mail', async () => {
    const email = 'cross-site@example.org';
    const page = await createClient(running.app.url).postForm('/sign-up', { email, password: 'a long and unrelated passphrase' }, { headers: EVIL });
    expect(page.status).toBe(403);
    expect(await countMails(running.database.sql, email)).toBe(0);
  });

  test('a sign-in posted from another site is refused with 403 and starts no session', async () => {
    const user = await createUser(running.database.sql);
    const client = createClient(running.app.url);
    const page = await client.postForm('/sign-in', { email: user.email, password: TEST_PASSWORD }, { headers: EVIL });
    expect(page.status).toBe(403);
    expect(client.cookie('talaka_session')).toBeUndefined();
    expect(await running.database.sql`select 1 from auth.sessions where user_id = ${user.userId}`).toHaveLength(0);
  });

  test('a sign-out posted from another site is refused with 403 and the session lives on', async () => {
    const { client } = await signedIn();
    expect((await client.postForm('/sign-out', { everywhere: '1' }, { headers: EVIL })).status).toBe(403);
    expect((await client.postForm('/sign-out', {}, { headers: { Origin: 'null' } })).status).toBe(403);
    expect(await isSignedIn(client)).toBe(true);
  });

  test.each(['cross-site', 'same-site'])('a POST without Origin but Sec-Fetch-Site: %s is refused with 403', async (site) => {
    const response = await fetch(`${running.app.url}/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': site },
      body: 'email=a%40example.org&password=x',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
  });

  test('the same POSTs from our own pages go through', async () => {
    const { user, client } = await signedIn();
    expect(await isSignedIn(client)).toBe(true);
    expect((await client.postForm('/sign-out', {}, { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(302);
    expect(await isSignedIn(client)).toBe(false);
    const again = await client.postForm('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(again.status).toBe(302);
  });
});

describe('headers', () => {
  test('every page has a CSP with a fresh nonce, and every script on it carries that nonce', async () => {
    const visitor = createClient(running.app.url);
    const { client: member } = await signedIn();
    const nonces = new Set<string>();
    for (const path of ['/', '/sign-in', '/sign-up', '/privacy', '/no-such-page', '/account']) {
      const page = await (path === '/account' ? member : visitor).get(path);
      expect([200, 404], path).toContain(page.status);
      const policy = page.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(policy)?.[1];
      expect(nonce, `${path}: ${policy}`).toBeDefined();
      nonces.add(nonce!);
      const scripts = [...page.body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(6);
  });

  test('pages cannot be framed or sniffed, and send no referrer to other sites', async () => {
    const page = await createClient(running.app.url).get('/');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(['same-origin', 'no-referrer']).toContain(page.headers.get('referrer-policy'));
    const policy = page.headers.get('content-security-policy');
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
      expect(policy).toContain(directive);
    }
  });
});

test('/healthz answers 200 with the database up', async () => {
  const response = await fetch(`${running.app.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});

describe('languages', () => {
  const cases: Array<{ language: 'be' | 'en' | 'pl'; how: string; path: string; headers: Record<string, string> }> = [
    { language: 'be', how: 'by default', path: '/no-such-page', headers: {} },
    { language: 'en', how: 'with ?lng=en', path: '/no-such-page?lng=en', headers: {} },
    { language: 'pl', how: 'with Accept-Language: pl-PL', path: '/no-such-page', headers: { 'Accept-Language': 'pl-PL,pl;q=0.9' } },
  ];
  for (const { language, how, path, headers } of cases) test(`an unknown path is a translated 404 page in ${language} ${how}`, async () => {
    const page = await createClient(running.app.url, { headers }).get(path);
    expect(page.status).toBe(404);
    expect(htmlLang(page.body)).toBe(language);
    expect(decodeHtml(page.body)).toContain(translation(language, 'errors.notFound.title'));
  });

  test('a form body that cannot be read is a 400 page in the visitor language, <html lang> included', async () => {
    const visitor = createClient(running.app.url, { headers: { 'Accept-Language': 'en' } });
    const page = await visitor.postForm('/sign-up', 'email=a', { headers: { 'Content-Type': 'text/plain' } });
    expect(page.status).toBe(400);
    expect(htmlLang(page.body)).toBe('en');
    expect(decodeHtml(page.body)).toContain(translation('en', 'errors.backHome'));
  });

  test('<html lang> follows ?lng=, then the lng cookie, then Accept-Language, then be', async () => {
    const visitor = createClient(running.app.url, { headers: { 'Accept-Language': 'pl' } });
    expect(htmlLang((await createClient(running.app.url).get('/')).body)).toBe('be');
    expect(htmlLang((await createClient(running.app.url).get('/?lng=ru')).body)).toBe('be');
    expect(htmlLang((await visitor.get('/')).body)).toBe('pl');

    const chosen = await visitor.get('/?lng=en');
    expect(htmlLang(chosen.body)).toBe('en');
    expect(chosen.setCookies.some((line) => line.startsWith('lng='))).toBe(true);
    expect(visitor.cookie('lng')).toBeDefined();
    expect(htmlLang((await visitor.get('/sign-in')).body)).toBe('en');
    expect(htmlLang((await visitor.get('/sign-in?lng=be')).body)).toBe('be');
  });
});

describe('the development outbox', () => {
  test('lists the mails the app would have sent, in test mode', async () => {
    const user = await createUser(running.database.sql);
    await createClient(running.app.url).postForm('/magic-link', { email: user.email });
    const page = await createClient(running.app.url).get('/dev/outbox');
    expect(page.status).toBe(200);
    expect(decodeHtml(page.body)).toContain(translation('be', 'mail:magic-link.subject'));
    expect(page.body).toContain(user.email);
  });

  test('does not exist when the server runs in production', async () => {
    const user = await createUser(running.database.sql);
    await createClient(running.app.url).postForm('/magic-link', { email: user.email });
    const production = await startApp({
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: running.database.url,
        SESSION_SECRET: 'a-production-session-secret-of-40-chars!',
        SMTP_URL: 'smtp://127.0.0.1:1',
      },
    });
    try {
      const page = await createClient(production.url).get('/dev/outbox');
      expect(page.status).toBe(404);
      expect(page.body).not.toContain(user.email);
    } finally {
      await production.stop();
    }
  });
});
