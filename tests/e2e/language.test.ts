import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useBrowser } from '../support/browser';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * DESIGN §7: ?lng= → cookie → Accept-Language → Belarusian, and <html lang> always says which.
 * The switcher is a list of plain links, so it must work from the keyboard as well.
 */

const running = useSelfHostedApp();

const browser = useBrowser();

const htmlLang = (page: Page) => page.getAttribute('html', 'lang');
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

test('a browser asking for a language the site does not offer gets Belarusian', async () => {
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'de-DE' });
  await page.goto('/');
  expect(await htmlLang(page)).toBe('be');
  expect(await heading(page)).toBe('Вашы ўменні могуць дапамагчы будаваць вольную Беларусь');
  await page.getByRole('navigation', { name: 'Галоўная навігацыя' }).getByRole('link', { name: 'Стварыць акаўнт' }).waitFor();
  await page.getByRole('banner').getByRole('link', { name: 'Увайсці' }).waitFor();
});

test('a browser set to Polish (pl-PL) gets the site in Polish', async () => {
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL' });
  await page.goto('/sign-in');
  expect(await htmlLang(page)).toBe('pl');
  expect(await heading(page)).toBe('Zaloguj się');
  await page.getByLabel('Hasło', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).waitFor();
});

test('switching language keeps the page and its query, changes the texts and is remembered on the next pages', async () => {
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'be-BY' });
  await page.goto('/sign-in?redirectTo=%2Faccount');
  expect(await heading(page)).toBe('Увайсці');

  const switcher = page.getByRole('navigation', { name: 'Мова' });
  expect(await switcher.getByRole('link', { name: 'Беларуская' }).getAttribute('aria-current')).toBe('true');
  await switcher.getByRole('link', { name: 'English' }).click();
  await page.waitForURL('**/sign-in?redirectTo=%2Faccount&lng=en');
  expect(await htmlLang(page)).toBe('en');
  expect(await heading(page)).toBe('Sign in');
  await page.getByLabel('Password', { exact: true }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'English' }).getAttribute('aria-current')).toBe('true');

  // The next page, reached inside the app, then loaded afresh: the cookie keeps English
  // although the browser still asks for Belarusian.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create an account', exact: true }).waitFor();
  await page.goto('/privacy');
  expect(await htmlLang(page)).toBe('en');
  expect(new URL(page.url()).search).toBe('');
  expect(await page.getByRole('contentinfo').getByRole('link').textContent()).toBe('Privacy: who can see what');
  const cookie = (await page.context().cookies()).find(({ name }) => name === 'lng');
  // Remix cookies hold base64-encoded JSON.
  expect(JSON.parse(atob(decodeURIComponent(cookie?.value ?? '')))).toBe('en');
});

test('the language switcher can be reached and used with the keyboard alone', async () => {
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  await page.goto('/');
  const polish = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Polski' });

  // Walk the tab order from the top of the page; the header is short, so the link comes early.
  let focusedPolish = false;
  for (let stop = 0; stop < 12 && !focusedPolish; stop += 1) {
    await page.keyboard.press('Tab');
    focusedPolish = await polish.evaluate((link) => link === document.activeElement);
  }
  expect(focusedPolish).toBe(true);
  // The focused link is visibly marked (WCAG 2.4.7).
  expect(await polish.evaluate((link) => getComputedStyle(link).outlineStyle)).not.toBe('none');

  await page.keyboard.press('Enter');
  await page.waitForURL('**/?lng=pl');
  expect(await htmlLang(page)).toBe('pl');
  expect(await heading(page)).toBe('Twoje umiejętności mogą pomóc zbudować wolną Białoruś');
});
