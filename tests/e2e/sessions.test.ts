import { expect, test } from 'vitest';
import { useBrowser, type OpenedPage } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { translation } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Issue 7, acceptance 5 (T12): "sign out on all devices", pressed on one device, ends the
 * session on every other one at once: two browser contexts (a laptop and a phone) signed in as
 * the same member; the phone presses the button; the laptop's next request lands on sign-in,
 * and its old cookie, put back by hand, opens nothing.
 */

const running = useSelfHostedApp();
const { openPage } = useBrowser();

const t = (key: string) => translation('en', key);

async function signIn({ page }: OpenedPage, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel(t('auth:fields.email')).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: t('auth:signIn.submit') }).click();
  await page.waitForURL(/\/account/);
}

test('signing out on all devices from the phone ends the laptop’s session at its next request', async () => {
  const member = await createUser(running.database.sql);
  const laptop = await openPage({ baseURL: running.app.url, locale: 'en-GB' });
  const phone = await openPage({ baseURL: running.app.url, locale: 'en-GB', viewport: { width: 360, height: 740 } });
  await signIn(laptop, member.email);
  await signIn(phone, member.email);
  const [sessions] = await running.database.sql`select count(*)::int as count from auth.sessions where user_id = ${member.userId}`;
  expect(sessions!.count).toBe(2);
  const laptopCookie = (await laptop.page.context().cookies()).find((cookie) => cookie.name === 'talaka_session');
  expect(laptopCookie).toBeDefined();

  await phone.page.goto('/account');
  await phone.page.getByRole('button', { name: t('auth:account.signOutEverywhere') }).click();
  await phone.page.waitForURL((url) => url.pathname === '/');

  // The laptop did nothing; its next request is a visitor's.
  await laptop.page.goto('/account');
  await laptop.page.waitForURL(/\/sign-in\?redirectTo=%2Faccount/);
  await expect(laptop.page.getByRole('heading', { level: 1, name: t('auth:signIn.title') }).isVisible()).resolves.toBe(true);

  // A copy of the old cookie (say, taken from a seized laptop) opens nothing either.
  await laptop.page.context().addCookies([laptopCookie!]);
  await laptop.page.goto('/account');
  await laptop.page.waitForURL(/\/sign-in/);
  const [left] = await running.database.sql`select count(*)::int as count from auth.sessions where user_id = ${member.userId}`;
  expect(left!.count).toBe(0);
});
