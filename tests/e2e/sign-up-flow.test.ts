import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * A visitor creates an account, confirms it from the mail, signs out and back in: in each
 * language, with the names a screen reader would announce (public/locales/<lng>/*.json).
 */

const running = useSelfHostedApp();

type Visitor = {
  language: 'be' | 'en' | 'pl';
  /** The browser's locale; where it does not give the language, the visitor uses the switcher. */
  browserLocale: string;
  switcher: { label: string; link: string } | null;
  mainNav: string;
  email: string;
  newPassword: string;
  password: string;
  createAccount: { link: string; heading: string; button: string };
  checkEmail: string;
  mailTo: string;
  openLink: string;
  confirm: { heading: string; button: string };
  account: string;
  signIn: { link: string; heading: string; button: string };
  signOut: string;
};

const visitors: Visitor[] = [
  {
    language: 'be',
    browserLocale: 'de-DE',
    switcher: null,
    mainNav: 'Галоўная навігацыя',
    email: 'Электронная пошта',
    newPassword: 'Новы пароль',
    password: 'Пароль',
    createAccount: { link: 'Стварыць акаўнт', heading: 'Стварыць акаўнт', button: 'Стварыць акаўнт' },
    checkEmail: 'Праверце пошту',
    mailTo: 'Каму:',
    openLink: 'Адкрыць спасылку з гэтага ліста',
    confirm: { heading: 'Пацвердзіце адрас электроннай пошты', button: 'Працягнуць' },
    account: 'Ваш акаўнт',
    signIn: { link: 'Увайсці', heading: 'Увайсці', button: 'Увайсці' },
    signOut: 'Выйсці',
  },
  {
    language: 'en',
    browserLocale: 'be-BY',
    switcher: { label: 'Мова', link: 'English' },
    mainNav: 'Main',
    email: 'E-mail',
    newPassword: 'New password',
    password: 'Password',
    createAccount: { link: 'Create an account', heading: 'Create an account', button: 'Create account' },
    checkEmail: 'Check your inbox',
    mailTo: 'To:',
    openLink: 'Open the link from this message',
    confirm: { heading: 'Confirm your e-mail address', button: 'Continue' },
    account: 'Your account',
    signIn: { link: 'Sign in', heading: 'Sign in', button: 'Sign in' },
    signOut: 'Sign out',
  },
  {
    language: 'pl',
    browserLocale: 'en-GB',
    switcher: { label: 'Language', link: 'Polski' },
    mainNav: 'Nawigacja główna',
    email: 'E-mail',
    newPassword: 'Nowe hasło',
    password: 'Hasło',
    createAccount: { link: 'Załóż konto', heading: 'Załóż konto', button: 'Załóż konto' },
    checkEmail: 'Sprawdź skrzynkę',
    mailTo: 'Do:',
    openLink: 'Otwórz link z tej wiadomości',
    confirm: { heading: 'Potwierdź adres e-mail', button: 'Kontynuuj' },
    account: 'Twoje konto',
    signIn: { link: 'Zaloguj się', heading: 'Zaloguj się', button: 'Zaloguj się' },
    signOut: 'Wyloguj się',
  },
];

const browser = useBrowser();

describe.each(visitors)('a visitor using the site in $language', (visitor) => {
  test('signs up, confirms the address from the mail, signs out, signs in again and signs out', async () => {
    const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: visitor.browserLocale });
    const address = `visitor-${visitor.language}@example.org`;
    const passphrase = 'river lantern quietly orbit';
    const header = page.getByRole('banner');

    await page.goto('/');
    if (visitor.switcher) {
      await header.getByRole('navigation', { name: visitor.switcher.label }).getByRole('link', { name: visitor.switcher.link }).click();
      await page.waitForURL(`**/?lng=${visitor.language}`);
    }
    expect(await page.getAttribute('html', 'lang')).toBe(visitor.language);

    await header.getByRole('navigation', { name: visitor.mainNav }).getByRole('link', { name: visitor.createAccount.link }).click();
    await page.getByRole('heading', { level: 1, name: visitor.createAccount.heading, exact: true }).waitFor();
    await page.getByLabel(visitor.email, { exact: true }).fill(address);
    await page.getByLabel(visitor.newPassword, { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: visitor.createAccount.button }).click();
    await page.getByRole('status').filter({ hasText: visitor.checkEmail }).waitFor();

    await followNewestMailLink(page, `${visitor.mailTo} ${address}`, visitor.openLink);
    await page.getByRole('heading', { level: 1, name: visitor.confirm.heading, exact: true }).waitFor();
    await page.getByRole('button', { name: visitor.confirm.button }).click();
    await page.getByRole('heading', { level: 1, name: visitor.account, exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.getByRole('main').getByText(address, { exact: true }).waitFor();

    await signOutFromHeader(page, visitor);

    await header.getByRole('link', { name: visitor.signIn.link }).click();
    await page.getByRole('heading', { level: 1, name: visitor.signIn.heading, exact: true }).waitFor();
    await page.getByLabel(visitor.email, { exact: true }).fill(address);
    await page.getByLabel(visitor.password, { exact: true }).fill(passphrase);
    await page.getByRole('main').getByRole('button', { name: visitor.signIn.button }).click();
    await page.getByRole('heading', { level: 1, name: visitor.account, exact: true }).waitFor();
    await page.getByRole('main').getByText(address, { exact: true }).waitFor();

    await signOutFromHeader(page, visitor);
    expect(await page.getAttribute('html', 'lang')).toBe(visitor.language);
    // Hydration mismatches (a date formatted differently by the browser) would show up here.
    expect(consoleErrors).toEqual([]);
  });
});

test('a member signs in to the account page, and the home page shows the next step: a new profile starts with the first steps', async () => {
  const t = localeTexts('en');
  const { email } = await createUser(running.database.sql);
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  await page.goto('/sign-in');
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit') }).click();
  await page.getByRole('heading', { level: 1, name: t('auth:account.title'), exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/account');

  await page.getByRole('banner').getByRole('link', { name: t('brand'), exact: true }).click();
  const next = page.getByRole('main');
  await next.getByRole('heading', { level: 2, name: t('home.next.title'), exact: true }).waitFor();
  await next.getByText(t('home.next.startBody')).waitFor();
  await next.getByRole('link', { name: t('home.next.eventsAction'), exact: true }).waitFor();
  await next.getByRole('link', { name: t('home.next.startAction'), exact: true }).click();
  await page.getByRole('heading', { level: 2, name: t('profile:firstSteps.title'), exact: true }).waitFor();
});

test('while the sign-in runs, its button says so and does not send twice', async () => {
  const t = localeTexts('pl');
  const { email } = await createUser(running.database.sql);
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL' });
  await page.goto('/sign-in');
  await waitForHydration(page);
  // The answer waits until the test has looked at the button.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const posts: string[] = [];
  await page.route('**/sign-in?*', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit') }).click();

  const pending = page.getByRole('main').getByRole('button', { name: t('pending.working') });
  await pending.waitFor();
  expect(await pending.getAttribute('aria-disabled')).toBe('true');
  await pending.click({ force: true });
  release();
  await page.getByRole('heading', { level: 1, name: t('auth:account.title'), exact: true }).waitFor();
  expect(posts).toHaveLength(1);
});

/** The outbox lists the newest mail first; its link is the one the visitor would click. */
async function followNewestMailLink(page: Page, recipientLine: string, linkName: string) {
  await page.goto('/dev/outbox');
  const newest = page.getByRole('listitem').filter({ hasText: recipientLine }).first();
  await newest.getByRole('link', { name: linkName }).click();
}

async function signOutFromHeader(page: Page, visitor: Visitor) {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: visitor.signOut }).click();
  await header.getByRole('link', { name: visitor.signIn.link }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await header.getByRole('button', { name: visitor.signOut }).count()).toBe(0);
}
