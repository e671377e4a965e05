import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentStep, totpCode } from '../../app/platform/auth/totp.server';
import { createUser } from '../support/factories';
import { inputValues, signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { startSupabaseMode, type SupabaseMode } from '../support/supabase-http';

/**
 * ADR 006, later: a session that holds organizer or admin powers (aal2 + the role) ends 12 hours
 * after the second factor and after 30 minutes without a request; a member's keeps 14 days and
 * 12 hours. Time is simulated by moving the session's timestamps in the database (local mode) or
 * the fake Supabase's clock (Supabase mode), never by sleeping.
 */

describe('local mode', () => {
  const running = useSelfHostedApp();
  const sql = () => running.database.sql;

  async function poweredBrowser(role: 'organizer' | 'admin' = 'organizer') {
    const person = await createUser(sql(), { roles: [role] });
    const secret = await giveVerifiedFactor(sql(), person.userId);
    return { person, browser: await signInWithSecondFactor(running.app.url, person.email, secret, { language: 'en' }) };
  }

  /** Hours from now until the user's (only) session must end. */
  async function hoursLeft(userId: string) {
    const [row] = await sql()`select extract(epoch from not_after - now()) / 3600 as hours from auth.sessions where user_id = ${userId}`;
    return Number(row!.hours);
  }

  const idleFor = (userId: string, minutes: number) =>
    sql()`update auth.sessions set refreshed_at = (now() at time zone 'utc') - make_interval(mins => ${minutes}) where user_id = ${userId}`;

  /** Where /account sends the browser: null when it opens (still signed in). */
  async function accountAnswer(browser: HttpClient) {
    const page = await browser.get('/account');
    return page.status === 200 ? null : page.location;
  }

  it('an organizer’s session ends 12 hours after the second factor; a member’s after 14 days', async () => {
    const { person: organizer } = await poweredBrowser();
    expect(await hoursLeft(organizer.userId)).toBeGreaterThan(11.9);
    expect(await hoursLeft(organizer.userId)).toBeLessThanOrEqual(12);

    const member = await createUser(sql());
    await signInAs(running.app.url, member.email, { language: 'en' });
    expect(await hoursLeft(member.userId)).toBeGreaterThan(14 * 24 - 0.1);
  });

  it('an admin’s too', async () => {
    const { person: admin } = await poweredBrowser('admin');
    expect(await hoursLeft(admin.userId)).toBeLessThanOrEqual(12);
  });

  it('after 31 minutes without a request an organizer is sent back to sign in; a member is not', async () => {
    const { person: organizer, browser: organizerBrowser } = await poweredBrowser();
    const member = await createUser(sql());
    const memberBrowser = await signInAs(running.app.url, member.email, { language: 'en' });
    await idleFor(organizer.userId, 31);
    await idleFor(member.userId, 31);
    expect(await accountAnswer(organizerBrowser)).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await accountAnswer(memberBrowser)).toBeNull();
  });

  it('29 minutes without a request is still within the organizer’s limit', async () => {
    const { person: organizer, browser } = await poweredBrowser();
    await idleFor(organizer.userId, 29);
    expect(await accountAnswer(browser)).toBeNull();
  });

  it('an organizer’s session past its 12 hours is refused, even when just used', async () => {
    const { person: organizer, browser } = await poweredBrowser();
    await sql()`update auth.sessions set not_after = now() - interval '1 second' where user_id = ${organizer.userId}`;
    expect(await accountAnswer(browser)).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it('an organizer with the password only keeps a member’s limits, and no powers', async () => {
    const organizer = await createUser(sql(), { roles: ['organizer'] });
    await giveVerifiedFactor(sql(), organizer.userId);
    const browser = await signInAs(running.app.url, organizer.email, { language: 'en' });
    await idleFor(organizer.userId, 31);
    const answer = await accountAnswer(browser);
    expect(answer === null || answer.startsWith('/auth/second-factor')).toBe(true);
    expect(await hoursLeft(organizer.userId)).toBeGreaterThan(14 * 24 - 0.1);
  });

  it('a role granted during an aal2 session shortens that session at the next request', async () => {
    const member = await createUser(sql());
    const secret = await giveVerifiedFactor(sql(), member.userId);
    const browser = await signInWithSecondFactor(running.app.url, member.email, secret, { language: 'en' });
    expect(await hoursLeft(member.userId)).toBeGreaterThan(14 * 24 - 0.1);
    await sql()`insert into app.user_roles (user_id, role) values (${member.userId}, 'organizer')`;
    expect(await accountAnswer(browser)).toBeNull();
    expect(await hoursLeft(member.userId)).toBeLessThanOrEqual(12);
  });
});

describe('Supabase mode', () => {
  const PASSWORD = 'correct horse battery staple';
  let offsetMs = 0;
  let s: SupabaseMode;
  beforeAll(async () => {
    // Tokens that live two days, so only the second factor's age changes between the steps.
    s = await startSupabaseMode({ fake: { now: () => Date.now() + offsetMs, jwtExpirySeconds: 48 * 3600 } });
  });
  afterAll(() => s?.stop());

  const codeAtFakeTime = (secret: string) => totpCode(secret, currentStep(Date.now() + offsetMs));
  const SECOND_FACTOR = `/auth/second-factor?${new URLSearchParams({ redirectTo: '/account' })}`;

  it('a second factor given more than 12 hours ago counts no more: the organizer gives a code again', async () => {
    const email = 'organizer-thirteen-hours@example.org';
    const { id } = await s.fake.createUser({ email, password: PASSWORD });
    await s.t.sql`insert into app.user_roles (user_id, role) values (${id}, 'organizer')`;

    offsetMs = -13 * 3600 * 1000;
    const browser = s.browser();
    await browser.post('/sign-in', { email, password: PASSWORD });
    const security = `/account/security?${new URLSearchParams({ redirectTo: '/account' })}`;
    const fields = inputValues((await browser.post(security, { intent: 'enrol', redirectTo: '/account' })).html);
    expect(fields.secret).toBeDefined();
    await browser.post(security, { ...fields, code: codeAtFakeTime(fields.secret!) });

    // Now, 13 hours later: the aal2 session's code is too old, so the second factor is asked again.
    offsetMs = 0;
    expect((await browser.get(SECOND_FACTOR)).path).toBe(SECOND_FACTOR);
    const given = await browser.post(SECOND_FACTOR, { code: codeAtFakeTime(fields.secret!), redirectTo: '/account' });
    expect(given.path).toBe('/account');
    expect((await browser.get(SECOND_FACTOR)).path).toBe('/account');
  });

  it('a second factor given an hour ago still counts', async () => {
    const email = 'organizer-one-hour@example.org';
    const { id } = await s.fake.createUser({ email, password: PASSWORD });
    await s.t.sql`insert into app.user_roles (user_id, role) values (${id}, 'organizer')`;
    offsetMs = -3600 * 1000;
    const browser = s.browser();
    await browser.post('/sign-in', { email, password: PASSWORD });
    const security = `/account/security?${new URLSearchParams({ redirectTo: '/account' })}`;
    const fields = inputValues((await browser.post(security, { intent: 'enrol', redirectTo: '/account' })).html);
    await browser.post(security, { ...fields, code: codeAtFakeTime(fields.secret!) });
    offsetMs = 0;
    expect((await browser.get(SECOND_FACTOR)).path).toBe('/account');
  });
});
