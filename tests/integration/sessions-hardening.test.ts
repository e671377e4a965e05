import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createClient, signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';

/**
 * Issue 7, acceptance 5 (T12, ADR 006): the inactivity timeout is configurable
 * (SESSION_IDLE_MINUTES) and people with powers keep their shorter limit; a banned or deleted
 * user's open session stops working at the next request, and a banned user cannot sign in.
 * Time is simulated by moving the session's timestamps, never by sleeping.
 */

let database: TestDatabase;
let app: AppServer;
const sql = () => database.sql;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ env: { DATABASE_URL: database.url, SESSION_IDLE_MINUTES: '20' } });
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const idleFor = (userId: string, minutes: number) =>
  sql()`update auth.sessions set refreshed_at = (now() at time zone 'utc') - make_interval(mins => ${minutes}) where user_id = ${userId}`;

/** True when /account opens, false when the browser is sent to sign in. */
async function signedIn(browser: HttpClient) {
  const page = await browser.get('/account');
  expect([200, 302]).toContain(page.status);
  return page.status === 200;
}

describe('inactivity timeout from SESSION_IDLE_MINUTES', () => {
  it('a member is signed out after 21 minutes without a request (configured 20), not after 19', async () => {
    const stays = await createUser(sql());
    const leaves = await createUser(sql());
    const staying = await signInAs(app.url, stays.email);
    const leaving = await signInAs(app.url, leaves.email);
    await idleFor(stays.userId, 19);
    await idleFor(leaves.userId, 21);
    expect(await signedIn(staying)).toBe(true);
    expect(await signedIn(leaving)).toBe(false);
    // The refused session's cookie is cleared; it does not come back.
    expect(leaving.cookie('talaka_session')).toBeUndefined();
  });

  it('an organizer with the second factor keeps the shorter of the two limits (here the configured 20 minutes)', async () => {
    const organizer = await createUser(sql(), { roles: ['organizer'] });
    const secret = await giveVerifiedFactor(sql(), organizer.userId);
    const browser = await signInWithSecondFactor(app.url, organizer.email, secret, { language: 'en' });
    await idleFor(organizer.userId, 19);
    expect(await signedIn(browser)).toBe(true);
    await idleFor(organizer.userId, 21);
    expect(await signedIn(browser)).toBe(false);
  });

  it('a configuration below 5 minutes or not a number stops the app at start', async () => {
    for (const value of ['2', 'soon']) {
      const started = startApp({ env: { DATABASE_URL: database.url, SESSION_IDLE_MINUTES: value } });
      await expect(started).rejects.toThrow(/SESSION_IDLE_MINUTES/);
    }
  });
});

describe('banned and deleted users', () => {
  it('a ban ends the open session at the next request and refuses sign-in; when it has passed, sign-in works again', async () => {
    const member = await createUser(sql());
    const browser = await signInAs(app.url, member.email);
    expect(await signedIn(browser)).toBe(true);

    await sql()`update auth.users set banned_until = now() + interval '1 day' where id = ${member.userId}`;
    expect(await signedIn(browser)).toBe(false);
    const attempt = await createClient(app.url).postForm('/sign-in', { email: member.email, password: TEST_PASSWORD });
    expect(attempt.status).toBe(400);

    await sql()`update auth.users set banned_until = now() - interval '1 second' where id = ${member.userId}`;
    expect(await signedIn(await signInAs(app.url, member.email))).toBe(true);
  });

  it('a ban that has passed does not end a session that was kept', async () => {
    const member = await createUser(sql());
    const browser = await signInAs(app.url, member.email);
    await sql()`update auth.users set banned_until = now() - interval '1 minute' where id = ${member.userId}`;
    expect(await signedIn(browser)).toBe(true);
  });

  it('a deleted user (marked deleted, or the row gone) is signed out at the next request', async () => {
    const marked = await createUser(sql());
    const markedBrowser = await signInAs(app.url, marked.email);
    const removed = await createUser(sql());
    const removedBrowser = await signInAs(app.url, removed.email);

    await sql()`update auth.users set deleted_at = now() where id = ${marked.userId}`;
    await sql()`delete from auth.users where id = ${removed.userId}`;
    expect(await signedIn(markedBrowser)).toBe(false);
    expect(await signedIn(removedBrowser)).toBe(false);
  });
});
