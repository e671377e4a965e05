import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { keyboardOnly } from '../support/a11y-keyboard';
import { launchBrowser, useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * What every visitor gets, signed in or not: nothing is loaded from anyone else (T14), the
 * strict CSP does not break the page (no console errors, and it hydrates), and the pages can be
 * used with a keyboard and a screen reader. Then the two "send me a link" journeys.
 */

const running = useSelfHostedApp();

const browser = useBrowser();

const pages = [
  { path: '/', status: 200 },
  { path: '/sign-in', status: 200 },
  { path: '/sign-up', status: 200 },
  { path: '/privacy', status: 200 },
  { path: '/no-such-page', status: 404 },
];

describe.each(pages)('the page $path', ({ path, status }) => {
  test('loads everything from the app itself, hydrates and logs no error', async () => {
    const { page, requests, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'be-BY' });
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await waitForHydration(page);
    // Late requests (route discovery, prefetches) count too.
    await page.waitForLoadState('networkidle');

    const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== running.app.url);
    expect(elsewhere).toEqual([]);
    // Chromium reports a 404 document as a failed resource; that one is the expected answer.
    const notFound = `Failed to load resource: the server responded with a status of 404 (Not Found) (${running.app.url}${path})`;
    const unexpected = consoleErrors.filter((error) => !(status === 404 && error === notFound));
    expect(unexpected).toEqual([]);
  });

  test('has one h1, a skip link as the first tab stop, and a name for every form field', async () => {
    const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
    await page.goto(path);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    // Hidden until focused, then on screen.
    const box = await skip.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('main').evaluate((main) => main === document.activeElement)).toBe(true);

    expect(await unnamedFormFields(page)).toEqual([]);
  });
});

/** Form fields the accessibility tree gives no name, as Playwright's ARIA snapshot lines. */
async function unnamedFormFields(page: Page) {
  const snapshot = await page.locator('body').ariaSnapshot();
  const fields = snapshot.split('\n').filter((line) => /^\s*- (textbox|searchbox|checkbox|radio|combobox|spinbutton|slider)\b/.test(line));
  return fields.filter((line) => !/^\s*- \w+ "[^"]+"/.test(line));
}

test.each([
  { language: 'be', locale: 'be-BY', path: '/sign-in', label: 'Электронная пошта', error: 'Увядзіце адрас электроннай пошты, напрыклад name@example.org.' },
  { language: 'en', locale: 'en-GB', path: '/sign-up', label: 'E-mail', error: 'Enter an e-mail address like name@example.org.' },
  { language: 'pl', locale: 'pl-PL', path: '/magic-link', label: 'E-mail', error: 'Podaj adres e-mail, na przykład imie@example.org.' },
])('in $language the browser checks the e-mail as the field is left, in the page language', async ({ locale, path, label, error }) => {
  const { page, requests } = await browser.openPage({ baseURL: running.app.url, locale });
  await page.goto(path);
  await waitForHydration(page);
  const requestsBefore = requests.length;

  const email = page.getByLabel(label, { exact: true });
  await email.fill('not-an-address');
  await page.keyboard.press('Tab');
  const alert = page.getByRole('alert');
  expect(await alert.textContent()).toBe(error);
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(requests.slice(requestsBefore)).toEqual([]);
});

test.each([
  { language: 'be', locale: 'be-BY', status: 'Памылка 404', title: 'Мы не знайшлі гэтую старонку', home: 'Вярнуцца на галоўную' },
  { language: 'en', locale: 'en-GB', status: 'Error 404', title: 'We could not find this page', home: 'Back to the home page' },
  { language: 'pl', locale: 'pl-PL', status: 'Błąd 404', title: 'Nie znaleźliśmy tej strony', home: 'Wróć na stronę główną' },
])('the 404 page speaks $language', async ({ language, locale, status, title, home }) => {
  const { page } = await browser.openPage({ baseURL: running.app.url, locale });
  const response = await page.goto('/a/path/that/does/not/exist');
  expect(response?.status()).toBe(404);
  expect(await page.getAttribute('html', 'lang')).toBe(language);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
  await page.getByRole('main').getByText(status, { exact: true }).waitFor();
  await page.getByRole('main').getByRole('link', { name: home }).click();
  await page.waitForURL(`${running.app.url}/`);
});

test('a member signs in with a link from the mail instead of the password', async () => {
  const { email } = await createUser(running.database.sql, { email: 'magic-link@example.org' });
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Sign in with a link sent by e-mail' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in with a link', exact: true }).waitFor();
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByRole('status').filter({ hasText: 'a message with a link is on its way' }).waitFor();

  await followNewestMailLink(page, email);
  await page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your account', exact: true }).waitFor();
  await page.getByRole('main').getByText(email, { exact: true }).waitFor();
});

test('a member who forgot the password sets a new one from the mail and signs in with it', async () => {
  const { email } = await createUser(running.database.sql, { email: 'forgetful@example.org' });
  const newPassword = 'a completely different passphrase';
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // Sign-in has an E-mail field too: wait for the new page before typing.
  await page.getByRole('heading', { level: 1, name: 'Forgot your password', exact: true }).waitFor();
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByRole('status').filter({ hasText: 'a message with a link is on its way' }).waitFor();

  await followNewestMailLink(page, email);
  await page.getByRole('heading', { level: 1, name: 'Set a new password', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByRole('status').filter({ hasText: 'Your password has been changed.' }).waitFor();

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }).waitFor();
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'The e-mail address or the password is wrong.' }).waitFor();
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your account', exact: true }).waitFor();
});

describe('the header of a phone, 360 px wide', () => {
  const PHONE = { width: 360, height: 740 };
  // Belarusian: the longest words of the three languages.
  const t = localeTexts('be');

  test('is one bar; its menu opens by keyboard, closes with Escape, and every target is 44 px tall', async () => {
    const { email } = await createUser(running.database.sql);
    const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'be-BY', viewport: PHONE });
    await signInWithPassword(page, email, t);
    await page.goto('/');
    await waitForHydration(page);
    const banner = page.getByRole('banner');
    expect((await banner.boundingBox())!.height).toBeLessThan(80);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // One tap to safety, whatever the menu does.
    expect(await banner.getByRole('button', { name: t('profile:hide.button'), exact: true }).isVisible()).toBe(true);
    const account = banner.getByRole('link', { name: t('nav.account'), exact: true });
    expect(await account.isVisible()).toBe(false);

    const keys = keyboardOnly(page);
    const menu = banner.locator('summary', { hasText: t('nav.menu') });
    await keys.tabTo(menu);
    await page.keyboard.press('Enter');
    await account.waitFor();
    expect(await banner.getByRole('navigation', { name: t('language.label') }).isVisible()).toBe(true);
    expect(await banner.getByText(t('nav.signedInAs', { email })).isVisible()).toBe(true);
    expect(await smallTargets(banner)).toEqual([]);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await account.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((summary) => summary === document.activeElement)).toBe(true);

    // After a navigation the menu is closed again on the next page.
    await page.keyboard.press('Enter');
    await account.click();
    await page.getByRole('heading', { level: 1, name: t('auth:account.title'), exact: true }).waitFor();
    await account.waitFor({ state: 'hidden' });
    expect(keys.problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('opens its menu and leads on without JavaScript', async () => {
    const noScript = await launchBrowser();
    try {
      const context = await noScript.newContext({ baseURL: running.app.url, locale: 'be-BY', viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/');
      const banner = page.getByRole('banner');
      const events = banner.getByRole('link', { name: t('titles.events'), exact: true });
      expect(await events.isVisible()).toBe(false);
      await banner.locator('summary', { hasText: t('nav.menu') }).click();
      await events.click();
      await page.waitForURL(`${running.app.url}/events`);
      await page.getByRole('heading', { level: 1, name: t('titles.events'), exact: true }).waitFor();
    } finally {
      await noScript.close();
    }
  });
});

/** Visible links, buttons and summaries in `scope` that are less than 44 px tall, by their text. */
async function smallTargets(scope: Locator) {
  return scope.evaluate((element) =>
    [...element.querySelectorAll('a, button, summary')]
      .filter((target) => target.getClientRects().length > 0 && !target.classList.contains('skip-link'))
      .filter((target) => target.getBoundingClientRect().height < 44)
      .map((target) => target.textContent?.trim()),
  );
}

async function signInWithPassword(page: Page, email: string, t: ReturnType<typeof localeTexts>) {
  await page.goto('/sign-in');
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit') }).click();
  await page.waitForURL(/\/account/);
}

async function followNewestMailLink(page: Page, email: string) {
  await page.goto('/dev/outbox');
  const newest = page.getByRole('listitem').filter({ hasText: `To: ${email}` }).first();
  await newest.getByRole('link', { name: 'Open the link from this message' }).click();
}
