import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { createEvent, eventInput } from '../integration/events-world';
import { hasFocus, keyboardOnly } from '../support/a11y-keyboard';
import { signIn } from '../support/a11y-pages';
import { useBrowser, waitForHydration } from '../support/browser';
import { createMember, veteranOrganizer } from '../support/directory-world';
import { TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Issue 8, acceptance 4: the main flows with the keyboard alone — no click, no fill. A visitor
 * skips to the content, creates an account, confirms it, signs out and in again, saves a step
 * of the profile and signs up for an event; an organizer signs in with the second factor,
 * searches the directory and opens a result; a confirmation dialog opens, closes and confirms.
 * Every Tab stop must show where the focus is.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const t = localeTexts('en');
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

test('a visitor signs up, signs in, saves a profile step and signs up for an event, keyboard only', async () => {
  const { db, sql } = running.database;
  const host = await veteranOrganizer(sql);
  await giveVerifiedFactor(sql, host.userId);
  const eventTitle = 'Keyboard evening';
  const eventId = await createEvent(db, host, eventInput({ capacity: 10, titles: { en: eventTitle, be: 'Вечар клавіятуры' } }));

  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  const keys = keyboardOnly(page);
  const main = page.getByRole('main');
  const banner = page.getByRole('banner');

  // The skip link is the first stop, shows itself, and moves the focus to the content.
  await page.goto('/');
  await waitForHydration(page);
  const skip = page.getByRole('link', { name: t('nav.skip'), exact: true });
  await keys.press('Tab');
  expect(await hasFocus(skip)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await hasFocus(main)).toBe(true);

  // Create an account.
  const email = 'keyboard-walker@example.org';
  const passphrase = 'river lantern quietly orbit';
  await keys.activate(banner.getByRole('link', { name: t('nav.signUp'), exact: true }));
  await heading(page, t('auth:signUp.title'));
  await waitForHydration(page);
  await keys.tabTo(main.getByLabel(t('auth:fields.email'), { exact: true }));
  await page.keyboard.type(email);
  await keys.tabTo(main.getByLabel(t('auth:fields.newPassword'), { exact: true }));
  await page.keyboard.type(passphrase);
  await keys.activate(main.getByRole('button', { name: t('auth:signUp.submit'), exact: true }));
  await page.getByRole('status').filter({ hasText: t('auth:signUp.checkEmail') }).waitFor();

  // The confirmation link from the mail (the development outbox stands in for the mail client).
  await page.goto('/dev/outbox');
  const mail = page.getByRole('listitem').filter({ hasText: `To: ${email}` }).first();
  await keys.activate(mail.getByRole('link', { name: 'Open the link from this message', exact: true }));
  await heading(page, t('auth:confirm.title.signup'));
  await waitForHydration(page);
  await keys.activate(main.getByRole('button', { name: t('auth:confirm.submit'), exact: true }));
  await heading(page, t('auth:account.title'));

  // Sign out and in again.
  await waitForHydration(page);
  await keys.activate(banner.getByRole('button', { name: t('nav.signOut'), exact: true }));
  await banner.getByRole('link', { name: t('nav.signIn'), exact: true }).waitFor();
  await keys.activate(banner.getByRole('link', { name: t('nav.signIn'), exact: true }));
  await heading(page, t('auth:signIn.title'));
  await waitForHydration(page);
  await keys.tabTo(main.getByLabel(t('auth:fields.email'), { exact: true }));
  await page.keyboard.type(email);
  await keys.press('Tab');
  expect(await hasFocus(main.getByLabel(t('auth:fields.password'), { exact: true }))).toBe(true);
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
  await heading(page, t('auth:account.title'));

  // The profile editor: the first step, saved with Enter from its field.
  await waitForHydration(page);
  await keys.activate(main.getByRole('link', { name: t('profile:account.editProfile'), exact: true }));
  await heading(page, t('profile:overview.title'));
  await waitForHydration(page);
  await keys.activate(main.getByRole('link', { name: t('profile:steps.identity'), exact: true }));
  await heading(page, t('profile:steps.identity'));
  await waitForHydration(page);
  await keys.tabTo(main.getByLabel(t('profile:identity.displayName'), { exact: true }));
  await page.keyboard.type('Kvitka on keys');
  await keys.tabTo(main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }));
  await page.keyboard.press('Space');
  await heading(page, t('profile:steps.about'));
  const [saved] = await sql`select p.display_name from app.profiles p join auth.users u on u.id = p.id where u.email = ${email}`;
  expect(saved!.display_name).toBe('Kvitka on keys');

  // An event: from the header to the list, into the event, and the sign-up button.
  await waitForHydration(page);
  await keys.activate(banner.getByRole('link', { name: t('titles.events'), exact: true }));
  await heading(page, t('events:list.title'));
  await waitForHydration(page);
  await keys.activate(main.getByRole('link', { name: eventTitle, exact: true }));
  await heading(page, eventTitle);
  await waitForHydration(page);
  await keys.activate(main.getByRole('button', { name: t('events:page.signUp'), exact: true }));
  await page.getByText(t('events:notices.confirmed'), { exact: true }).waitFor();
  const [registration] = await sql`
    select r.status from app.event_registrations r join auth.users u on u.id = r.member_id
     where r.event_id = ${eventId} and u.email = ${email}`;
  expect(registration!.status).toBe('confirmed');

  expect(keys.problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('an organizer signs in with the second factor, searches the directory and opens a result, keyboard only', async () => {
  const { sql } = running.database;
  const organizer = await veteranOrganizer(sql);
  const secret = await giveVerifiedFactor(sql, organizer.userId);
  await createMember(sql, { name: 'Hanna Klaviatura', headline: 'Sign-language interpreter', skills: { 'criminal-law': 3 } });

  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  const keys = keyboardOnly(page);
  const main = page.getByRole('main');

  await page.goto('/sign-in');
  await waitForHydration(page);
  await keys.tabTo(main.getByLabel(t('auth:fields.email'), { exact: true }));
  await page.keyboard.type(organizer.email);
  await keys.tabTo(main.getByLabel(t('auth:fields.password'), { exact: true }));
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  const code = main.getByLabel(t('security:fields.code'), { exact: true });
  await code.waitFor();
  await waitForHydration(page);
  await keys.tabTo(code);
  await page.keyboard.type(codeFor(secret));
  await page.keyboard.press('Enter');
  await heading(page, t('auth:account.title'));

  await waitForHydration(page);
  await keys.activate(page.getByRole('banner').getByRole('link', { name: t('titles.directory'), exact: true }));
  await page.getByRole('heading', { name: t('directory:guide.title'), exact: true }).waitFor();
  await waitForHydration(page);
  await keys.tabTo(main.getByLabel(t('directory:form.q'), { exact: true }));
  await page.keyboard.type('Klaviatura');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Klaviatura');
  const result = main.getByRole('article').getByRole('link', { name: 'Hanna Klaviatura', exact: true });
  await keys.activate(result);
  await heading(page, 'Hanna Klaviatura');
  expect(new URL(page.url()).pathname).toMatch(/^\/people\/[0-9a-f-]{36}$/);

  expect(keys.problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a confirmation opens as a dialog, Escape closes it where it was opened, and the keyboard confirms it', async () => {
  const { db, sql } = running.database;
  const organizer = await veteranOrganizer(sql);
  const secret = await giveVerifiedFactor(sql, organizer.userId);
  await db.asUser(organizer, (tx) => tx`select app.create_shortlist('Interpreters')`);

  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  await signIn(page, t, organizer.email, secret);
  const keys = keyboardOnly(page);
  const main = page.getByRole('main');
  await page.goto('/organizer/shortlists');
  await waitForHydration(page);

  // Opening it puts the focus on the harmless answer, inside a modal dialog.
  const trigger = main.getByRole('button', { name: t('shortlists:delete.submit', { name: 'Interpreters' }), exact: true });
  await keys.activate(trigger);
  const dialog = page.getByRole('dialog', { name: t('shortlists:delete.confirmTitle', { name: 'Interpreters' }), exact: true });
  await dialog.waitFor();
  expect(await hasFocus(dialog.getByRole('button', { name: t('ui.dialog.cancel'), exact: true }))).toBe(true);

  // Escape closes it and gives the focus back to the button that opened it; nothing is deleted.
  await keys.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await hasFocus(trigger)).toBe(true);
  expect(await sql`select 1 from app.shortlists where organizer_id = ${organizer.userId}`).toHaveLength(1);

  // Again, and this time the confirmation: one Shift+Tab back to it, then Enter.
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await keys.press('Shift+Tab');
  expect(await hasFocus(dialog.getByRole('button', { name: t('shortlists:delete.confirm'), exact: true }))).toBe(true);
  await page.keyboard.press('Enter');
  await main.getByText(t('shortlists:notices.deleted'), { exact: true }).waitFor();
  expect(await sql`select 1 from app.shortlists where organizer_id = ${organizer.userId}`).toHaveLength(0);

  expect(keys.problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
