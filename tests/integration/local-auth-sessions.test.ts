import { describe, expect, test } from 'vitest';
import { createUser, TEST_PASSWORD } from '../support/factories';
import {
  cookieAttributes,
  createClient,
  decodeHtml,
  inputValues,
  latestMail,
  linkPath,
  translation,
  type HttpClient,
} from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Sessions of the built-in identity provider over HTTP: the cookie, sign-out (here and
 * everywhere, T12), password reset, magic links, caching and where sign-in sends people.
 */

const running = useSelfHostedApp();

const SESSION = 'talaka_session';
const browser = () => createClient(running.app.url, { headers: { 'Accept-Language': 'en' } });

async function signedIn(email: string, password = TEST_PASSWORD) {
  const client = browser();
  const page = await client.postForm('/sign-in', { email, password });
  expect(page.status, 'sign-in').toBe(302);
  return client;
}

/** True when the client's cookies open the account page, false when it is sent to sign in. */
async function isSignedIn(client: HttpClient) {
  const page = await client.get('/account');
  expect([200, 302]).toContain(page.status);
  return page.status === 200;
}

async function sessionCount(userId: string) {
  const [row] = await running.database.sql`select count(*)::int as count from auth.sessions where user_id = ${userId}`;
  return row!.count as number;
}

/** A mail's link, opened and its button pressed. */
async function followMailLink(client: HttpClient, email: string, template: string) {
  const mail = await latestMail(running.database.sql, email);
  expect(mail?.template).toBe(template);
  const link = linkPath(mail!.link!);
  const landing = await client.get(link);
  return client.postForm(link, inputValues(landing.body));
}

describe('the session cookie', () => {
  test('is HttpOnly, SameSite=Lax, Path=/ and signed', async () => {
    const { email } = await createUser(running.database.sql);
    const page = await browser().postForm('/sign-in', { email, password: TEST_PASSWORD });
    const line = page.setCookies.find((cookie) => cookie.startsWith(`${SESSION}=`));
    expect(line).toBeDefined();
    const attributes = cookieAttributes(line!);
    expect(attributes).toHaveProperty('httponly');
    expect(attributes.samesite).toBe('Lax');
    expect(attributes.path).toBe('/');
    expect(decodeURIComponent(line!.split(';')[0]!)).toMatch(new RegExp(`^${SESSION}=[^.]+\\.[A-Za-z0-9+/=]{40,}$`));
  });

  test('is rejected when its value is swapped for another real session, or sent unsigned', async () => {
    const victim = await signedIn((await createUser(running.database.sql)).email);
    const attacker = await signedIn((await createUser(running.database.sql)).email);
    const [victimData] = decodeURIComponent(victim.cookie(SESSION)!).split('.');
    const [, attackerSignature] = decodeURIComponent(attacker.cookie(SESSION)!).split('.');

    attacker.setCookie(SESSION, encodeURIComponent(`${victimData}.${attackerSignature}`));
    expect(await isSignedIn(attacker)).toBe(false);
    attacker.setCookie(SESSION, encodeURIComponent(victimData!));
    expect(await isSignedIn(attacker)).toBe(false);
    expect(await isSignedIn(victim)).toBe(true);
  });
});

describe('sessions', () => {
  test('each sign-in has its own row in auth.sessions', async () => {
    const user = await createUser(running.database.sql);
    await signedIn(user.email);
    expect(await sessionCount(user.userId)).toBe(1);
    await signedIn(user.email);
    expect(await sessionCount(user.userId)).toBe(2);
  });

  test('signing out deletes the session row, and the old cookie no longer works', async () => {
    const user = await createUser(running.database.sql);
    const client = await signedIn(user.email);
    const oldCookie = client.cookie(SESSION)!;

    const page = await client.postForm('/sign-out', {});
    expect(page.status).toBe(302);
    expect(client.cookie(SESSION)).toBeUndefined();
    expect(await sessionCount(user.userId)).toBe(0);

    client.setCookie(SESSION, oldCookie);
    expect(await isSignedIn(client)).toBe(false);
  });

  test('signing out everywhere ends the sessions on the other devices too (T12)', async () => {
    const user = await createUser(running.database.sql);
    const laptop = await signedIn(user.email);
    const phone = await signedIn(user.email);
    const stranger = await signedIn((await createUser(running.database.sql)).email);
    const phoneCookie = phone.cookie(SESSION)!;

    await laptop.postForm('/sign-out', { everywhere: '1' });
    expect(await sessionCount(user.userId)).toBe(0);
    expect(await isSignedIn(laptop)).toBe(false);
    phone.setCookie(SESSION, phoneCookie);
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(stranger)).toBe(true);
  });

  test('signed-in pages are sent with Cache-Control: no-store', async () => {
    const client = await signedIn((await createUser(running.database.sql)).email);
    for (const path of ['/account', '/account/password', '/']) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('cache-control'), path).toMatch(/\bno-store\b/);
    }
  });
});

describe('password reset', () => {
  test('a mailed link leads to a new password; the old one stops working and other sessions end', async () => {
    const user = await createUser(running.database.sql);
    const otherDevice = await signedIn(user.email);
    const client = browser();

    const requested = await client.postForm('/forgot-password', { email: user.email });
    expect(requested.status).toBe(200);
    expect(decodeHtml(requested.body)).toContain(translation('en', 'auth:forgot.sent'));
    const followed = await followMailLink(client, user.email, 'reset-password');
    expect(followed.status).toBe(302);
    expect(followed.location).toBe('/account/password');

    const form = await client.get('/account/password');
    expect(form.status).toBe(200);
    const newPassword = 'a brand new passphrase for talaka';
    const changed = await client.postForm('/account/password', { password: newPassword, confirm: newPassword });
    expect(changed.status).toBe(302);
    expect(changed.location).toBe('/account?passwordChanged=1');

    expect(await isSignedIn(client)).toBe(true);
    expect(await isSignedIn(otherDevice)).toBe(false);
    expect((await browser().postForm('/sign-in', { email: user.email, password: TEST_PASSWORD })).status).toBe(400);
    expect((await browser().postForm('/sign-in', { email: user.email, password: newPassword })).status).toBe(302);
  });
});

describe('magic link', () => {
  test('a mailed link signs in without a password and opens the account', async () => {
    const user = await createUser(running.database.sql);
    const client = browser();
    const requested = await client.postForm('/magic-link', { email: user.email });
    expect(requested.status).toBe(200);

    const followed = await followMailLink(client, user.email, 'magic-link');
    expect(followed.status).toBe(302);
    expect(followed.location).toBe('/account');
    const account = await client.get('/account');
    expect(decodeHtml(account.body)).toContain(user.email);
  });
});

describe('where sign-in leads', () => {
  test('a visitor opening a private page is sent to sign in, and lands back on it afterwards', async () => {
    const user = await createUser(running.database.sql);
    const client = browser();
    const refused = await client.get('/account/password');
    expect(refused.status).toBe(302);
    expect(refused.location).toBe('/sign-in?redirectTo=%2Faccount%2Fpassword');

    const form = await client.get(refused.location!);
    const fields: Record<string, string> = { ...inputValues(form.body), email: user.email, password: TEST_PASSWORD };
    expect(fields.redirectTo).toBe('/account/password');
    const page = await client.postForm(refused.location!, fields);
    expect(page.status).toBe(302);
    expect(page.location).toBe('/account/password');
  });

  test.each(['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)'])(
    'redirectTo=%s lands on /account, never on another site',
    async (redirectTo) => {
      const { email } = await createUser(running.database.sql);
      const page = await browser().postForm('/sign-in', { email, password: TEST_PASSWORD, redirectTo });
      expect(page.status).toBe(302);
      expect(page.location).toBe('/account');
    },
  );

  test.each(['/ж', '/a\nb', '/a\u0000b', '/\u2028'])(
    'a redirectTo a header cannot carry (%j) still ends on a page of ours, not a 500',
    async (redirectTo) => {
      const { email } = await createUser(running.database.sql);
      const page = await browser().postForm('/sign-in', { email, password: TEST_PASSWORD, redirectTo });
      expect(page.status).toBe(302);
      expect(page.location).toMatch(/^\/[^/\\]/);
    },
  );
});
