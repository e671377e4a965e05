import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Language } from '../../app/i18n/config';
import { launchBrowser, useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent as createEventInSql, eventInput } from '../integration/events-world';

/**
 * Issue 5, acceptance 11, in a browser, in Belarusian and in English: an organizer creates an
 * event with two places; three members sign up from three browsers; the third lands on the
 * waitlist and does not see the venue; one confirmed member cancels; the third moves up at once
 * and now sees the venue. The member's steps are done with the keyboard, and the pages fit a
 * 360 px phone without scrolling sideways. The fill picture's words name the waitlist, and the
 * member's badge their number in it. Without JavaScript, signing up still works (plain forms).
 */
const running = useSelfHostedApp();
const browser = useBrowser();

const LOCALES: Record<'be' | 'en', string> = { be: 'be-BY', en: 'en-GB' };
const main = (page: Page) => page.getByRole('main');
const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

function localDay(days: number, hour: number) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

async function signIn(page: Page, t: Texts, email: string) {
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main(page).getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
}

/** The organizer, with the second factor, fills the editor in and publishes; the event's path. */
async function createEvent(language: 'be' | 'en', t: Texts, title: string, venue: string) {
  const sql = running.database.sql;
  const organizer = await createUser(sql, { roles: ['organizer'], displayName: `Organizer ${language}` });
  const secret = await giveVerifiedFactor(sql, organizer.userId);
  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: LOCALES[language] });
  await page.goto('/events/new');
  await waitForHydration(page);
  await signIn(page, t, organizer.email);
  await page.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
  await main(page).getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
  await page.getByRole('heading', { name: t('events:editor.newTitle'), exact: true }).waitFor();
  await waitForHydration(page);

  const own = page.getByRole('group', { name: t(`events:editor.language.${language}`), exact: true });
  await own.getByLabel(t('events:editor.title'), { exact: true }).fill(title);
  await own.getByLabel(t('events:editor.description'), { exact: true }).fill('…');
  await page.getByLabel(t('events:editor.city'), { exact: true }).selectOption('vilnius');
  // Choosing the city preselected its time zone.
  expect(await page.getByLabel(t('events:editor.timeZone'), { exact: true }).inputValue()).toBe('Europe/Vilnius');
  await page.getByLabel(t('events:editor.venueAddress'), { exact: true }).fill(venue);
  await page.getByLabel(t('events:editor.startsAt'), { exact: true }).fill(localDay(7, 18));
  await page.getByLabel(t('events:editor.endsAt'), { exact: true }).fill(localDay(7, 20));
  await page.getByLabel(t('events:editor.capacity'), { exact: true }).fill('2');
  await main(page).getByRole('button', { name: t('events:editor.create'), exact: true }).click();
  await page.getByText(t('events:notices.created'), { exact: true }).waitFor();
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
  expect(await main(page).textContent()).toContain('18:00');
  expect(await main(page).textContent()).toContain('(Europe/Vilnius)');
  expect(consoleErrors).toEqual([]);
  return new URL(page.url()).pathname;
}

/** A member in their own browser, on a 360 px phone, signed in on the event's page. */
async function memberOnEvent(language: Language, t: Texts, path: string, name: string) {
  const member = await createUser(running.database.sql, { displayName: name });
  const opened = await browser.openPage({ baseURL: running.app.url, locale: LOCALES[language as 'be' | 'en'], viewport: { width: 360, height: 740 } });
  await opened.page.goto(path);
  await waitForHydration(opened.page);
  await signIn(opened.page, t, member.email);
  await opened.page.getByRole('heading', { name: t('events:page.yourPlace'), exact: true }).waitFor();
  await waitForHydration(opened.page);
  return opened;
}

/** Presses a button with the keyboard: Tab until it has the focus, then Enter. */
async function pressWithKeyboard(page: Page, name: string) {
  const button = main(page).getByRole('button', { name, exact: true });
  await button.waitFor();
  for (let step = 0; step < 80; step += 1) {
    if (await button.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

describe.each(['be', 'en'] as const)('events in %s', (language) => {
  test('capacity 2, three sign-ups, the third waits, one cancels, the third moves up and sees the venue', async () => {
    const t = localeTexts(language);
    const venue = language === 'be' ? 'вул. Дамініканская 5, кв. 3' : '5 Dominican Street, flat 3';
    const title = language === 'be' ? 'Сустрэча валанцёраў у Вільні' : 'Volunteers meet in Vilnius';
    const path = await createEvent(language, t, title, venue);

    const members = [];
    for (const name of ['Ales', 'Bazyl', 'Cimafiej']) {
      const opened = await memberOnEvent(language, t, path, `${name} ${language}`);
      expect(await main(opened.page).textContent()).not.toContain(venue);
      await pressWithKeyboard(opened.page, t('events:page.signUp'));
      members.push(opened);
    }
    const [first, second, third] = members.map((opened) => opened.page) as [Page, Page, Page];
    await first.getByText(t('events:notices.confirmed'), { exact: true }).waitFor();
    await second.getByText(t('events:notices.confirmed'), { exact: true }).waitFor();
    await third.getByText(t('events:notices.waitlisted'), { exact: true }).waitFor();
    await main(first).getByText(venue).waitFor();
    await main(third).getByText(t('events:page.waitlisted', { position: 1 })).waitFor();
    await main(third).getByText(t('events:status.waitlistedNumber', { position: 1 }), { exact: true }).waitFor();
    await main(third).getByText(t('events:fill.waitlistFew'), { exact: true }).waitFor();
    expect(await main(third).textContent()).not.toContain(venue);
    expect(await fitsThePhone(third)).toBe(true);

    await pressWithKeyboard(first, t('events:page.cancel'));
    await first.getByText(t('events:notices.cancelled'), { exact: true }).waitFor();
    expect(await main(first).textContent()).not.toContain(venue);

    await third.goto(path);
    await main(third).getByText(t('events:page.confirmed')).waitFor();
    await main(third).getByText(venue).waitFor();
    expect(await fitsThePhone(third)).toBe(true);

    await third.goto('/events');
    await third.getByRole('article').filter({ hasText: title }).first().waitFor();
    expect(await fitsThePhone(third)).toBe(true);
    for (const opened of members) expect(opened.consoleErrors).toEqual([]);
  });
});

test('a member signs in and signs up for an event without JavaScript', async () => {
  const t = localeTexts('be');
  const organizer = await createUser(running.database.sql, { roles: ['organizer'] });
  await giveVerifiedFactor(running.database.sql, organizer.userId);
  const venue = 'вул. Без скрыптоў 1';
  const id = await createEventInSql(running.database.db, organizer, eventInput({ titles: { be: 'Падзея без JavaScript' }, venueAddress: venue }));
  const member = await createUser(running.database.sql, { displayName: 'Bez skryptou' });
  const noScript = await launchBrowser();
  try {
    const context = await noScript.newContext({ baseURL: running.app.url, locale: 'be-BY', viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/events/${id}`);
    await signIn(page, t, member.email);
    await page.getByRole('heading', { name: t('events:page.yourPlace'), exact: true }).waitFor();
    await main(page).getByRole('button', { name: t('events:page.signUp'), exact: true }).click();
    await page.getByText(t('events:notices.confirmed'), { exact: true }).waitFor();
    await main(page).getByText(t('events:status.confirmed'), { exact: true }).waitFor();
    await main(page).getByText(venue).waitFor();
    const [row] = await running.database.sql`select status from app.event_registrations where event_id = ${id} and member_id = ${member.userId}`;
    expect(row?.status).toBe('confirmed');
  } finally {
    await noScript.close();
  }
});
