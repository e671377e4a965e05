// Supabase mode, the second factor (T4): organizers enrol a TOTP factor through Supabase MFA and
// give a code after their password; the session is aal2 only after a right code. The fake serves
// GoTrue's /factors endpoints (tests/support/fake-supabase-mfa.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentStep, totpCode } from '../../app/platform/auth/totp.server';
import { decodeHtml, inputValues, translation } from '../support/http-client';
import { readSessionCookie, startSupabaseMode, type Browser, type SupabaseMode } from '../support/supabase-http';

const PASSWORD = 'correct horse battery staple';
const SECURITY = '/account/security?redirectTo=%2Faccount';

let s: SupabaseMode;
beforeAll(async () => {
  s = await startSupabaseMode();
});
afterAll(() => s?.stop());

const codeFor = (secret: string) => totpCode(secret, currentStep());
const wrongCodeFor = (secret: string) => (codeFor(secret) === '000000' ? '111111' : '000000');
const claimsOf = (browser: Browser) => {
  const { session } = readSessionCookie(browser);
  return JSON.parse(Buffer.from(String(session.access_token).split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
};
const amrMethods = (browser: Browser) => (claimsOf(browser).amr as Array<{ method: string }>).map((m) => m.method);
const codeInvalid = translation('en', 'security:errors.codeInvalid');

async function organizer(email: string) {
  const { id } = await s.fake.createUser({ email, password: PASSWORD });
  await s.t.sql`insert into app.user_roles (user_id, role) values (${id}, 'organizer')`;
  return id;
}

/** Signs in with the password, then enrols and verifies a factor; returns the browser and the secret. */
async function enrolled(email: string) {
  await organizer(email);
  const browser = s.browser();
  expect((await browser.post('/sign-in', { email, password: PASSWORD })).path).toBe(SECURITY);
  const start = await browser.post(SECURITY, { intent: 'enrol', redirectTo: '/account' });
  const fields = inputValues(start.html);
  const done = await browser.post(SECURITY, { ...fields, code: codeFor(fields.secret!) });
  expect(done.path).toBe('/account');
  return { browser, secret: fields.secret! };
}

describe('enrolment', () => {
  it('sends an organizer to set up a factor, refuses a wrong code, and lifts the session to aal2 with a right one', async () => {
    const email = 'organizer-enrol@example.org';
    await organizer(email);
    const browser = s.browser();
    const signedIn = await browser.post('/sign-in', { email, password: PASSWORD });
    expect(signedIn.path).toBe(SECURITY);
    expect(claimsOf(browser).aal).toBe('aal1');

    const start = await browser.post(SECURITY, { intent: 'enrol', redirectTo: '/account' });
    expect(start.status).toBe(200);
    expect(decodeHtml(start.html)).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const fields = inputValues(start.html);
    const secret = fields.secret!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.text).toContain(secret.match(/.{4}/g)!.join(' '));
    const enrol = [...s.fake.requests].reverse().find((r) => r.method === 'POST' && r.path === '/auth/v1/factors');
    expect(enrol?.body).toMatchObject({ factor_type: 'totp', issuer: 'Talaka', friendly_name: expect.stringMatching(/^Talaka \d{4}-\d{2}-\d{2}$/) });
    expect(fields.factorId).toMatch(/^[0-9a-f-]{36}$/);

    const wrong = await browser.post(SECURITY, { ...fields, code: wrongCodeFor(secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(codeInvalid);
    expect(claimsOf(browser).aal).toBe('aal1');

    const done = await browser.post(SECURITY, { ...fields, code: codeFor(secret) });
    expect(done.path).toBe('/account');
    expect(claimsOf(browser).aal).toBe('aal2');
    expect(amrMethods(browser)).toEqual(expect.arrayContaining(['totp', 'password']));
    const verify = s.fake.requests.filter((r) => r.method === 'POST' && r.path === `/auth/v1/factors/${fields.factorId}/verify`);
    expect(verify.map((r) => (r.body as { code: string }).code)).toEqual([wrongCodeFor(secret), codeFor(secret)]);
    // The app reads aal2 from the session: the second-factor page has nothing left to ask.
    expect((await browser.get('/auth/second-factor?redirectTo=%2Faccount')).path).toBe('/account');
    const security = await browser.get('/account/security');
    expect(security.text).toContain((enrol?.body as { friendly_name: string }).friendly_name);
    expect(inputValues(security.html).factorId).toBe(fields.factorId);
  });

  it('starting over before the first code replaces the unfinished factor', async () => {
    const email = 'organizer-restart@example.org';
    await organizer(email);
    const browser = s.browser();
    await browser.post('/sign-in', { email, password: PASSWORD });
    const first = inputValues((await browser.post(SECURITY, { intent: 'enrol', redirectTo: '/account' })).html);
    const again = await browser.post(SECURITY, { intent: 'enrol', redirectTo: '/account' });
    expect(again.status).toBe(200);
    const second = inputValues(again.html);
    expect(second.factorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.factorId).not.toBe(first.factorId);
    const done = await browser.post(SECURITY, { ...second, code: codeFor(second.secret!) });
    expect(done.path).toBe('/account');
    const listed = (await browser.get('/account/security')).html.match(/name="factorId"/g) ?? [];
    expect(listed).toHaveLength(1);
    expect(inputValues((await browser.get('/account/security')).html).factorId).toBe(second.factorId);
  });
});

describe('signing in with a factor', () => {
  it('asks for the code after the password, refuses a wrong one, and accepts a right one', async () => {
    const email = 'organizer-code@example.org';
    const { secret } = await enrolled(email);
    const browser = s.browser();
    const signedIn = await browser.post('/sign-in', { email, password: PASSWORD });
    expect(signedIn.path).toBe('/auth/second-factor?redirectTo=%2Faccount');
    expect(claimsOf(browser).aal).toBe('aal1');

    const wrong = await browser.post(signedIn.path, { code: wrongCodeFor(secret), redirectTo: '/account' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(codeInvalid);
    expect(claimsOf(browser).aal).toBe('aal1');

    const right = await browser.post(signedIn.path, { code: codeFor(secret), redirectTo: '/account' });
    expect(right.path).toBe('/account');
    expect(claimsOf(browser).aal).toBe('aal2');
    expect(amrMethods(browser)).toContain('totp');
  });

  it('removes a factor with a current code', async () => {
    const email = 'organizer-remove@example.org';
    const { browser, secret } = await enrolled(email);
    const security = await browser.get('/account/security');
    const { factorId } = inputValues(security.html);
    const wrong = await browser.post('/account/security', { intent: 'remove', factorId: factorId!, code: wrongCodeFor(secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(codeInvalid);
    const removed = await browser.post('/account/security', { intent: 'remove', factorId: factorId!, code: codeFor(secret) });
    expect(removed.path).toBe('/account/security?removed=1');
    expect(removed.html).not.toContain('name="factorId"');
    expect(removed.html).toContain('value="enrol"');
  });
});
