import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { cookieAttributes, countMails, createClient, decodeHtml, htmlLang, translation, type HttpClient, signInAs } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent, signUp } from './events-world';

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
    // Stricter than the usual strict-origin-when-cross-origin: another site must not learn that
    // its visitor came from Talaka at all (docs/security.md, T14).
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

// -------------------------------------------------------------------------------------
// Every kind of response carries the walls (T10, T12, T14)
// -------------------------------------------------------------------------------------

type Reading = { label: string; status: number; headers: Headers; body: string; personal: boolean };

/** The hardening every response must carry, whatever produced it: Remix, a resource route, express.static or the CSRF wall. */
function expectHardened({ label, headers }: Reading) {
  const policy = headers.get('content-security-policy') ?? '';
  expect(policy, label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(policy, label).toContain(directive);
  }
  expect(policy, label).not.toContain('unsafe-inline');
  expect(policy, label).not.toContain('unsafe-eval');
  // A resource route that sets nosniff itself gets it twice ("nosniff, nosniff"): harmless, and every value must be nosniff.
  expect(new Set(headers.get('x-content-type-options')?.split(',').map((value) => value.trim())), label).toEqual(new Set(['nosniff']));
  expect(['same-origin', 'no-referrer'], label).toContain(headers.get('referrer-policy'));
  expect(headers.get('x-powered-by'), label).toBeNull();
}

/** Every `<script>` of an HTML answer carries the answer's own nonce: no inline script runs without it. */
function expectScriptsCarryNonce({ label, headers, body }: Reading) {
  if (!(headers.get('content-type') ?? '').startsWith('text/html')) return;
  const nonce = /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1];
  for (const [tag] of body.matchAll(/<script\b[^>]*>/g)) expect(tag, label).toContain(`nonce="${nonce}"`);
}

describe('every kind of response', () => {
  const readings: Reading[] = [];
  const organizerName = 'Header Walk Organizer';

  beforeAll(async () => {
    const sql = running.database.sql;
    const boss = await createUser(sql, { roles: ['organizer'], displayName: organizerName });
    await sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${boss.userId}`;
    const organizer = await signInWithSecondFactor(running.app.url, boss.email, await giveVerifiedFactor(sql, boss.userId), { language: 'en' });
    const person = await createUser(sql, { displayName: 'Header Walk Member' });
    const member = await signInAs(running.app.url, person.email, { language: 'en' });
    const visitor = createClient(running.app.url);

    const eventId = await createEvent(running.database.db, boss);
    await signUp(running.database.db, person, eventId);
    const [list] = await sql`insert into app.shortlists (organizer_id, name) values (${boss.userId}, 'Walk') returning id`;
    const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c00' } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('intent', 'upload-photo');
    form.append('photo', new Blob([new Uint8Array(photo)]), 'me.jpg');
    const uploaded = await fetch(`${member.origin}/account/files`, {
      method: 'POST', body: form, redirect: 'manual',
      headers: { Cookie: `talaka_session=${member.cookie('talaka_session')}`, Origin: member.origin },
    });
    expect(uploaded.status).toBeLessThan(400);

    const page = await visitor.get('/');
    const script = /(?:src|href)="(\/build\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();

    const read = async (label: string, client: HttpClient, path: string, personal: boolean, method: 'GET' | 'POST' = 'GET', headers: Record<string, string> = {}) => {
      const answer = method === 'GET' ? await client.get(path, { headers }) : await client.postForm(path, {}, { headers });
      readings.push({ label: `${label} ${method} ${path} → ${answer.status}`, status: answer.status, headers: answer.headers, body: answer.body, personal });
      return answer;
    };
    const expectStatus = (answer: { status: number }, status: number) => expect(answer.status).toBe(status);

    // Pages, visitor and signed in.
    expectStatus(await read('page', visitor, '/', false), 200);
    expectStatus(await read('page', visitor, '/sign-in', false), 200);
    expectStatus(await read('page', visitor, '/privacy', false), 200);
    expectStatus(await read('signed-in page', member, '/account', true), 200);
    expectStatus(await read('signed-in page', member, '/events', true), 200);
    expectStatus(await read('signed-in page', member, `/events/${eventId}`, true), 200);
    expectStatus(await read('signed-in page', member, '/account/profile/identity', true), 200);
    expectStatus(await read('signed-in page', organizer, '/directory', true), 200);
    expectStatus(await read('signed-in page', organizer, `/organizer/shortlists/${list!.id}`, true), 200);
    // Data requests of client-side navigation.
    expectStatus(await read('data request', member, '/events?_data=routes%2Fevents._index', true), 200);
    expectStatus(await read('data request', organizer, '/directory?_data=routes%2Fdirectory._index', true), 200);
    expectStatus(await read('data request', visitor, '/?_data=root', false), 200);
    // Resource routes: calendar, CSV, files, the health check.
    const ics = await read('resource', member, `/events/${eventId}/ics`, true);
    expectStatus(ics, 200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const csv = await read('resource', organizer, `/organizer/shortlists/${list!.id}/export`, true, 'POST');
    expectStatus(csv, 200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const file = await read('resource', member, `/files/photo/${person.userId}`, true);
    expectStatus(file, 200);
    expect(file.headers.get('content-type')).toMatch(/^image\//);
    expectStatus(await read('resource', visitor, `/files/photo/${person.userId}`, false), 404);
    expectStatus(await read('resource', member, '/account/export/download', true, 'POST'), 200);
    expectStatus(await read('resource', visitor, '/healthz', false), 200);
    // Static files.
    expectStatus(await read('static', visitor, script!, false), 200);
    expectStatus(await read('static', visitor, '/favicon.svg', false), 200);
    expectStatus(await read('static', visitor, '/locales/en/common.json', false), 200);
    // Not found, refused, redirected, broken.
    expectStatus(await read('not found', visitor, '/no-such-page', false), 404);
    expectStatus(await read('not found', member, '/events/00000000-0000-4000-8000-000000000000', true), 404);
    expectStatus(await read('not found', visitor, '/build/no-such-file.js', false), 404);
    // A backslash in the path once made React Router's renderer throw (found by route-fuzzing).
    expectStatus(await read('not found', member, '/%5C', true), 404);
    expectStatus(await read('not found', visitor, '/people/%5c..%5Cx?lng=pl', false), 404);
    expectStatus(await read('redirect', visitor, '/account', false), 302);
    expectStatus(await read('redirect', member, `/organizer/shortlists/${list!.id}/export`, true), 302);
    expectStatus(await read('refused page', member, '/organizer/shortlists', true), 403);
    expectStatus(await read('cross-site refusal', visitor, '/sign-in', false, 'POST', EVIL), 403);
    const malformed = await read('bad request', visitor, '/%E0%A4%A', false);
    expect(malformed.status).toBe(400);
    expect(malformed.body).not.toMatch(/\n\s+at /);
    expect(malformed.body).toContain('Bad request.');
    expect((await read('bad data request', visitor, '/?_data=routes%2Fno-such-route', false)).status).toBeGreaterThanOrEqual(400);
  });

  test('carries the CSP with object-src, base-uri and frame-ancestors locked, nosniff and the referrer policy', () => {
    expect(readings.length).toBeGreaterThanOrEqual(30);
    for (const reading of readings) expectHardened(reading);
  });

  test('gives every response a fresh nonce, and every script of an HTML answer carries it', () => {
    const nonces = readings.map(({ headers }) => /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1]);
    expect(new Set(nonces).size).toBe(readings.length);
    const html = readings.filter(({ headers }) => (headers.get('content-type') ?? '').startsWith('text/html'));
    expect(html.length).toBeGreaterThanOrEqual(12);
    for (const reading of html) expectScriptsCarryNonce(reading);
  });

  test('keeps every signed-in answer out of every cache (a seized or shared device, T12)', () => {
    const personal = readings.filter(({ personal }) => personal);
    expect(personal.length).toBeGreaterThanOrEqual(15);
    for (const { label, headers, status } of personal) {
      if (status >= 300 && status < 400) continue; // a redirect is not stored without an explicit lifetime
      expect(headers.get('cache-control') ?? '', label).toMatch(/\bno-store\b/);
    }
  });

  test('sends no Strict-Transport-Security outside production', () => {
    for (const { label, headers } of readings) expect(headers.get('strict-transport-security'), label).toBeNull();
  });
});

describe('cookies', () => {
  test('the session and language cookies are httpOnly and SameSite=Lax; over plain http, not Secure', async () => {
    const user = await createUser(running.database.sql);
    const client = createClient(running.app.url);
    const chosen = await client.get('/?lng=en');
    const signIn = await client.postForm('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(302);
    for (const name of ['talaka_session', 'lng']) {
      const line = [...chosen.setCookies, ...signIn.setCookies].find((cookie) => cookie.startsWith(`${name}=`));
      expect(line, name).toBeDefined();
      const attributes = cookieAttributes(line!);
      expect(attributes, name).toHaveProperty('httponly');
      expect(attributes.samesite?.toLowerCase(), name).toBe('lax');
      expect(attributes, name).not.toHaveProperty('secure');
    }
  });
});

describe('in production', () => {
  let production: AppServer;
  beforeAll(async () => {
    production = await startApp({
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: running.database.url,
        // The public address is https (TLS ends at the proxy); the test talks to the process directly.
        APP_URL: 'https://talaka.example',
        SESSION_SECRET: 'a-production-session-secret-of-40-chars!',
        SMTP_URL: 'smtp://127.0.0.1:1',
      },
    });
  });
  afterAll(() => production?.stop());

  test('every answer, page, static file, 404 or health check, carries HSTS', async () => {
    const visitor = createClient(production.url);
    for (const path of ['/', '/sign-in', '/favicon.svg', '/no-such-page', '/healthz', '/account']) {
      const answer = await visitor.get(path);
      expect(answer.headers.get('strict-transport-security'), path).toMatch(/^max-age=(\d+); includeSubDomains$/);
      expect(Number(/max-age=(\d+)/.exec(answer.headers.get('strict-transport-security')!)![1]), path).toBeGreaterThanOrEqual(31_536_000);
      expectHardened({ label: path, status: answer.status, headers: answer.headers, body: answer.body, personal: false });
    }
  });

  test('the session cookie is httpOnly, SameSite=Lax and Secure', async () => {
    const user = await createUser(running.database.sql);
    const client = createClient(production.url);
    const signIn = await client.postForm('/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(302);
    const line = signIn.setCookies.find((cookie) => cookie.startsWith('talaka_session='));
    expect(line).toBeDefined();
    const attributes = cookieAttributes(line!);
    expect(attributes).toHaveProperty('httponly');
    expect(attributes).toHaveProperty('secure');
    expect(attributes.samesite?.toLowerCase()).toBe('lax');
  });
});
