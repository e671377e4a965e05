import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { createEvent, eventInput } from '../integration/events-world';
import { useBrowser } from '../support/browser';
import { createMember, veteranOrganizer } from '../support/directory-world';
import { TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Issue 8, acceptance 3: the core flows work with JavaScript turned off, as plain forms — sign-up
 * (with a mistake first: the translated error comes back and the address typed is kept),
 * confirmation, sign-out and sign-in, a profile step, event sign-up; and an organizer's sign-in
 * with the second factor and a directory search. Not one script runs in this browser.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

test('a visitor signs up, confirms, signs in again, saves a profile step and signs up for an event, without JavaScript (pl)', async () => {
  const t = localeTexts('pl');
  const { db, sql } = running.database;
  const host = await veteranOrganizer(sql);
  await giveVerifiedFactor(sql, host.userId);
  const eventTitle = 'Wieczór bez skryptów';
  const eventId = await createEvent(db, host, eventInput({ capacity: 10, titles: { pl: eventTitle, en: 'An evening without scripts' } }));

  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL', javaScriptEnabled: false });
  const main = page.getByRole('main');
  const banner = page.getByRole('banner');

  // A password too short: the form comes back with the error, the address is still there.
  const email = 'bez-skryptow@example.org';
  await page.goto('/sign-up');
  await main.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await main.getByLabel(t('auth:fields.newPassword'), { exact: true }).fill('short');
  await main.getByRole('button', { name: t('auth:signUp.submit'), exact: true }).click();
  await main.getByRole('alert').first().waitFor();
  expect(await main.getByLabel(t('auth:fields.email'), { exact: true }).inputValue()).toBe(email);
  expect(await sql`select 1 from auth.users where email = ${email}`).toHaveLength(0);

  // Then right.
  const passphrase = 'river lantern quietly orbit';
  await main.getByLabel(t('auth:fields.newPassword'), { exact: true }).fill(passphrase);
  await main.getByRole('button', { name: t('auth:signUp.submit'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: t('auth:signUp.checkEmail') }).waitFor();

  // The confirmation link (the development outbox stands in for the mail client), then its button.
  await page.goto('/dev/outbox');
  await page.getByRole('listitem').filter({ hasText: t('common:outbox.to', { to: email }) }).first()
    .getByRole('link', { name: t('common:outbox.openLink'), exact: true }).click();
  await heading(page, t('auth:confirm.title.signup'));
  await main.getByRole('button', { name: t('auth:confirm.submit'), exact: true }).click();
  await page.waitForURL(/\/account/);

  // Out and in again.
  await banner.getByRole('button', { name: t('nav.signOut'), exact: true }).click();
  await banner.getByRole('link', { name: t('nav.signIn'), exact: true }).click();
  await heading(page, t('auth:signIn.title'));
  await main.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await main.getByLabel(t('auth:fields.password'), { exact: true }).fill(passphrase);
  await main.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await page.waitForURL(/\/account/);

  // A profile step, saved and on to the next.
  await page.goto('/account/profile/identity');
  await main.getByLabel(t('profile:identity.displayName'), { exact: true }).fill('Kwitka bez skryptów');
  await main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }).click();
  await page.waitForURL(/\/account\/profile\/about/);
  const [saved] = await sql`select p.display_name from app.profiles p join auth.users u on u.id = p.id where u.email = ${email}`;
  expect(saved!.display_name).toBe('Kwitka bez skryptów');

  // An event: the list, the event, the sign-up button.
  await page.goto('/events');
  await main.getByRole('link', { name: eventTitle, exact: true }).click();
  await heading(page, eventTitle);
  await main.getByRole('button', { name: t('events:page.signUp'), exact: true }).click();
  await page.getByText(t('events:notices.confirmed'), { exact: true }).waitFor();
  const [registration] = await sql`
    select r.status from app.event_registrations r join auth.users u on u.id = r.member_id
     where r.event_id = ${eventId} and u.email = ${email}`;
  expect(registration!.status).toBe('confirmed');
  // The refused sign-up answered 400 (the form with its error), which the browser logs; nothing else.
  expect(consoleErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  expect(consoleErrors.length).toBeLessThanOrEqual(1);
});

test('an organizer signs in with the second factor and searches the directory, without JavaScript (be)', async () => {
  const t = localeTexts('be');
  const { sql } = running.database;
  const organizer = await veteranOrganizer(sql);
  const secret = await giveVerifiedFactor(sql, organizer.userId);
  await createMember(sql, { name: 'Ганна Безскрыптная', headline: 'Перакладчыца', skills: { 'criminal-law': 3 } });

  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'be-BY', javaScriptEnabled: false });
  const main = page.getByRole('main');
  await page.goto('/sign-in');
  await main.getByLabel(t('auth:fields.email'), { exact: true }).fill(organizer.email);
  await main.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await main.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
  await main.getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
  await page.waitForURL(/\/account/);

  // A search is a GET form: Enter in the text field submits it.
  await page.goto('/directory');
  await main.getByLabel(t('directory:form.q'), { exact: true }).fill('Безскрыптная');
  await main.getByLabel(t('directory:form.q'), { exact: true }).press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Безскрыптная');
  await main.getByRole('article').getByRole('link', { name: 'Ганна Безскрыптная', exact: true }).click();
  await heading(page, 'Ганна Безскрыптная');
  expect(consoleErrors).toEqual([]);
});
