import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createClient, decodeHtml, translation, type HttpClient, type Page } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * T15: bad input of any kind gets a clear answer, never a 500 or a stack trace. Property-based:
 * random, unicode, huge, missing, duplicate and unexpected fields, and malformed bodies, posted
 * to every form (the password form signed in; sign-out as a visitor, so the member stays in).
 */

const running = useSelfHostedApp();

let member: HttpClient;

beforeAll(async () => {
  const { email } = await createUser(running.database.sql);
  member = createClient(running.app.url);
  expect((await member.postForm('/sign-in', { email, password: TEST_PASSWORD })).status).toBe(302);
});

const forms: Record<string, string[]> = {
  '/sign-up': ['email', 'password'],
  '/sign-in': ['email', 'password', 'redirectTo'],
  '/forgot-password': ['email'],
  '/magic-link': ['email'],
  '/auth/confirm': ['token_hash', 'type'],
  '/account/password': ['password', 'confirm'],
  '/sign-out': ['everywhere'],
};

const HUGE = 'ж'.repeat(500_000);
const awkward = fc.constantFrom(
  '', ' ', '\u0000', '\r\n', '\uFEFF', '\u202E', '𝔞@𝔟.𝔠', 'a@b.c', 'A@EXAMPLE.ORG', `${'a'.repeat(250)}@example.org`,
  '<script>alert(1)</script>', "' or 1=1 --", '${7*7}', '{{7*7}}', '../../etc/passwd', '%00', '//evil.example',
  'signup', 'recovery', 'magiclink', 'email', '[]', '{}', 'null', 'true', '0', '-1', '1e309', 'x'.repeat(10_000), HUGE,
);
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', minLength: 10, maxLength: 80 }),
  fc.emailAddress(),
  awkward,
);
/** Expected names, conform's own (`__intent__`), nested-looking and prototype-polluting ones. */
const name = (expected: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...expected) },
    { weight: 1, arbitrary: fc.constantFrom('__intent__', '__proto__', 'constructor', 'email[0]', 'email.x', 'password[]', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
/** Zero to eight fields: some missing, some repeated, some unknown. */
const fields = (expected: string[]) => fc.array(fc.tuple(name(expected), value), { maxLength: 8 });
const rawBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('email=%FF%FE&password=%E0%A4', 'email=%', '%%%', '&&&===', '=x', 'email', '{"email":"a@b.c"}'),
);
const contentType = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'multipart/form-data',
  'text/plain',
  'application/json',
);

/** A 500, or anything that reads like a stack trace or a server path, is a failure. */
function expectCalmAnswer(page: Page, context: string) {
  expect(page.status, context).toBeLessThan(500);
  expect(page.body, context).not.toMatch(/\n\s+at .+:\d+:\d+|at [\w.<>]+ \(.+:\d+:\d+\)|node_modules|file:\/\/|\/work\//);
}

for (const [path, expected] of Object.entries(forms)) {
  test(`${path} answers random, unicode, huge, missing and duplicate fields without a 500`, async () => {
    const client = path === '/account/password' ? member : createClient(running.app.url);
    await fc.assert(
      fc.asyncProperty(fields(expected), async (sent) => {
        expectCalmAnswer(await client.postForm(path, sent), `${path} ${JSON.stringify(sent).slice(0, 300)}`);
      }),
      { numRuns: 60 },
    );
  });

  test(`${path} answers malformed bodies and other content types without a 500`, async () => {
    const client = path === '/account/password' ? member : createClient(running.app.url);
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawBody, fields(expected).map((sent) => new URLSearchParams(sent).toString())), contentType, async (body, type) => {
        const page = await client.postForm(path, body, { headers: { 'Content-Type': type } });
        expectCalmAnswer(page, `${path} ${type} ${JSON.stringify(body).slice(0, 300)}`);
      }),
      { numRuns: 30 },
    );
  });
}

test('the confirmation page answers any query string without a 500', async () => {
  const client = createClient(running.app.url);
  // Addresses longer than 8 KB never reach the app: Node refuses request heads over 16 KB
  // (431) and closes the connection, and browsers and proxies stop well before.
  const fitsInAnAddress = (query: [string, string][]) => new URLSearchParams(query).toString().length < 8000;
  await fc.assert(
    fc.asyncProperty(fields(forms['/auth/confirm']!).filter(fitsInAnAddress), async (query) => {
      expectCalmAnswer(await client.get(`/auth/confirm?${new URLSearchParams(query)}`), JSON.stringify(query).slice(0, 300));
    }),
    { numRuns: 60 },
  );
});

test('field names that would make a form huge or poison its objects are refused at once', async () => {
  const client = createClient(running.app.url);
  for (const body of ['email[10000000]=x&password=y', 'email=a@b.cd&password[99999999]=y', 'constructor=x&email=a@b.cd', '__proto__[0]=x']) {
    const started = Date.now();
    const page = await client.postForm('/sign-in', body, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect([page.status, Date.now() - started < 2000]).toEqual([400, true]);
  }
});

test('after the fuzzing the member is still signed in and the server still healthy', async () => {
  expect((await member.get('/account')).status).toBe(200);
  expect((await createClient(running.app.url).get('/healthz')).status).toBe(200);
});

test('a field sent twice, or a megabyte long, gets a translated answer in the asker’s language, not zod’s English', async () => {
  const twice: Record<string, [string, string][]> = {
    '/sign-up': [['email', 'a@example.org'], ['email', 'b@example.org'], ['password', TEST_PASSWORD]],
    '/forgot-password': [['email', 'a@example.org'], ['email', '']],
    '/magic-link': [['email', ''], ['email', '']],
    '/account/password': [['password', TEST_PASSWORD], ['password', TEST_PASSWORD], ['confirm', TEST_PASSWORD]],
  };
  for (const language of ['be', 'en', 'pl'] as const) {
    for (const [path, sent] of Object.entries(twice)) {
      const client = path === '/account/password' ? member : createClient(running.app.url);
      const page = await client.postForm(path, sent, { headers: { 'Accept-Language': language } });
      const context = `${path} in ${language}`;
      expectCalmAnswer(page, context);
      expect(page.status, context).toBe(400);
      expect(decodeHtml(page.body), context).toContain(translation(language, 'errors.invalidValue'));
      expect(page.body, context).not.toMatch(/Expected (string|number|boolean), received/);
    }
    const huge = await createClient(running.app.url).postForm('/sign-up', { email: `${'ж'.repeat(512 * 1024)}@example.org`, password: TEST_PASSWORD }, { headers: { 'Accept-Language': language } });
    expectCalmAnswer(huge, `1 MB e-mail in ${language}`);
    expect(huge.status).toBe(400);
    expect(/<html\b[^>]*\slang="([^"]*)"/.exec(huge.body)?.[1]).toBe(language);
  }
});
