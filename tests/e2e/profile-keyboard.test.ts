import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Language } from '../../app/i18n/config';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, openProfile, TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The profile on a 360 px phone and from the keyboard alone: the steps can be completed with
 * Tab, Shift+Tab, arrows, Space and Enter; every stop shows where the focus is, and adding or
 * removing a row puts the focus somewhere sensible. Every page of the profile fits the phone's
 * width, names each of its form controls, and logs no error.
 */

const running = useSelfHostedApp();
const browser = useBrowser();
const PHONE = { width: 360, height: 740 };

test('a member completes the identity, languages and visibility steps with the keyboard alone', async () => {
  const t = localeTexts('en');
  const { email } = await createUser(running.database.sql);
  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB', viewport: PHONE });
  const keys = keyboard(page);
  const main = page.getByRole('main');
  const focused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

  await page.goto('/sign-in');
  await waitForHydration(page);
  await keys.tabTo(page.getByLabel(t('auth:fields.email'), { exact: true }));
  await page.keyboard.type(email);
  await keys.press('Tab');
  expect(await focused(page.getByLabel(t('auth:fields.password'), { exact: true }))).toBe(true);
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await heading(page, t('auth:account.title'));

  await keys.follow(main.getByRole('link', { name: t('profile:account.editProfile'), exact: true }));
  await heading(page, t('profile:overview.title'));
  await keys.follow(main.getByRole('link', { name: t('profile:steps.identity'), exact: true }));
  await heading(page, t('profile:steps.identity'));

  // Identity: the fields come in reading order; a refused save sends focus to the field at fault.
  const displayName = main.getByLabel(t('profile:identity.displayName'), { exact: true });
  await keys.tabTo(displayName);
  await keys.press('Tab');
  expect(await focused(main.getByLabel(t('profile:identity.legalName'), { exact: true }))).toBe(true);
  await keys.press('Tab');
  expect(await focused(main.getByLabel(t('profile:identity.headline'), { exact: true }))).toBe(true);
  await keys.press('Shift+Tab');
  expect(await focused(main.getByLabel(t('profile:identity.legalName'), { exact: true }))).toBe(true);
  await keys.press('Tab');
  await page.keyboard.type('Front-end developer');
  await page.keyboard.press('Enter');
  await main.getByRole('alert').filter({ hasText: t('profile:errors.displayNameRequired') }).waitFor();
  expect(await focused(displayName)).toBe(true);
  await page.keyboard.type('Kvitka');
  await page.keyboard.press('Enter');
  await heading(page, t('profile:steps.about'));

  // Languages: choose by typing, add a row (focus goes into it), remove one (focus stays in the list).
  const steps = page.getByRole('navigation', { name: t('profile:editor.stepsLabel'), exact: true });
  await keys.follow(steps.getByRole('link', { name: t('profile:steps.languages'), exact: true }));
  await heading(page, t('profile:steps.languages'));
  const row = (number: number) => main.getByRole('group', { name: t('profile:languages.row', { number }), exact: true });
  const language = (number: number) => row(number).getByLabel(t('profile:languages.language'), { exact: true });
  const level = (number: number) => row(number).getByLabel(t('profile:languages.level'), { exact: true });
  const add = main.getByRole('button', { name: t('profile:languages.add'), exact: true });

  await keys.tabTo(language(1));
  await page.keyboard.type('Belarusian');
  await keys.press('Tab');
  await page.keyboard.type('native');
  await keys.tabTo(add);
  await page.keyboard.press('Enter');
  await row(2).waitFor();
  expect(await focused(language(2))).toBe(true);
  await page.keyboard.type('Polish');
  await keys.press('Tab');
  await page.keyboard.type('B2');
  await keys.tabTo(add);
  await page.keyboard.press('Space');
  await row(3).waitFor();
  expect(await focused(language(3))).toBe(true);
  await page.keyboard.type('English');
  await keys.tabTo(row(3).getByRole('button', { name: t('profile:languages.remove', { number: 3 }), exact: true }));
  await page.keyboard.press('Enter');
  await row(3).waitFor({ state: 'detached' });
  expect(await focused(language(2))).toBe(true);
  expect([await language(1).inputValue(), await level(1).inputValue()]).toEqual(['be', 'native']);
  expect([await language(2).inputValue(), await level(2).inputValue()]).toEqual(['pl', 'B2']);
  await keys.tabTo(main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }));
  await page.keyboard.press('Enter');
  await heading(page, t('profile:steps.skills'));

  // Who sees what: arrows choose within a group of radio buttons, Space ticks the consent.
  await keys.follow(steps.getByRole('link', { name: t('profile:steps.visibility'), exact: true }));
  await heading(page, t('profile:steps.visibility'));
  const audience = (part: string, name: string) =>
    main
      .getByRole('group', { name: t(`profile:visibility.parts.${part}.legend`), exact: true })
      .getByRole('radio', { name: t(`profile:visibility.audiences.${name}.label`), exact: true });
  for (const part of ['identity', 'skills']) {
    await keys.tabTo(audience(part, 'only_me'));
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    expect(await audience(part, 'members').isChecked()).toBe(true);
  }
  const consent = main
    .getByRole('region', { name: t('profile:consent.visible_to_members.title'), exact: true })
    .getByRole('checkbox', { name: t('profile:consent.visible_to_members.agree'), exact: true });
  await keys.tabTo(consent);
  await keys.press('Space');
  expect(await consent.isChecked()).toBe(true);
  await keys.tabTo(main.getByRole('button', { name: t('profile:editor.save'), exact: true }));
  await page.keyboard.press('Enter');
  await heading(page, t('profile:overview.title'));
  const seenByMembers = main.getByRole('list', { name: t('profile:finish.members'), exact: true }).getByRole('listitem');
  expect(await seenByMembers.allInnerTexts()).toEqual(['identity', 'skills'].map((part) => t(`profile:parts.${part}`)));

  expect(keys.problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test.each(['be', 'pl', 'en'] as const)('in %s every page of the profile fits 360 px, names its controls and logs no error', async (language) => {
  const t = localeTexts(language);
  const owner = await createUser(running.database.sql, { displayName: 'Аляксандра Лясная-Зубрыцкая' });
  await fillProfile(owner.userId);
  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: language, viewport: PHONE });
  await page.goto('/sign-in');
  await waitForHydration(page);
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(owner.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await heading(page, t('auth:account.title'));

  const steps = ['identity', 'about', 'place', 'languages', 'skills', 'directions', 'availability', 'contact', 'visibility'];
  const paths = ['/account', '/account/profile', ...steps.map((step) => `/account/profile/${step}`)];
  paths.push('/account/files', '/account/export', '/account/delete', `/people/${owner.userId}`);
  const problems: string[] = [];
  for (const path of paths) {
    expect((await page.goto(path))?.status()).toBe(200);
    await waitForHydration(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width) problems.push(`${path} is ${width} px wide`);
    for (const field of await unnamedControls(page)) problems.push(`${path} has a control without a name: ${field}`);
  }
  expect(problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/**
 * Key presses that check where the focus went: after each, the focused element must be in the
 * page (not the body) and drawn with an outline. Enter on a link leaves the page, so `follow`
 * presses it without that check.
 */
function keyboard(page: Page) {
  const problems: string[] = [];
  async function press(key: string) {
    await page.keyboard.press(key);
    const problem = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return 'the focus fell back to the page';
      const { outlineStyle, outlineWidth } = getComputedStyle(element);
      if (outlineStyle !== 'none' && parseFloat(outlineWidth) > 0) return null;
      return `${element.tagName.toLowerCase()} "${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}" shows no focus`;
    });
    if (problem) problems.push(`${key}: ${problem}`);
  }
  /** Tabs forward (the way a person would look for it) until `target` has the focus. */
  async function tabTo(target: Locator) {
    for (let stop = 0; stop < 60; stop += 1) {
      await press('Tab');
      if (await target.evaluate((element) => element === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }
  async function follow(link: Locator) {
    await tabTo(link);
    await page.keyboard.press('Enter');
  }
  return { press, tabTo, follow, problems };
}

/** Form controls the accessibility tree gives no name, as lines of Playwright's ARIA snapshot. */
async function unnamedControls(page: Page) {
  const snapshot = await page.locator('body').ariaSnapshot();
  const controls = /^\s*- (textbox|searchbox|checkbox|radio|combobox|listbox|spinbutton|slider|switch|button)\b/;
  return snapshot.split('\n').filter((line) => controls.test(line) && !/^\s*- \w+ "[^"]+"/.test(line));
}

/** A full profile, partly open to members, written as the editor would write it. */
async function fillProfile(userId: string) {
  const sql = running.database.sql;
  await sql`
    update app.profiles
       set headline = 'Журналістка-расследавальніца і фронтэнд-распрацоўшчыца, праваабарона',
           bio = 'Дзесяць гадоў працавала ў незалежных медыя.', legal_name = 'Аляксандра Зубрыцкая',
           city_id = 'warsaw', hours_per_week = 12, work_mode = 'both', open_to_relocation = true, available_from = '2026-09-01'
     where id = ${userId}`;
  await sql`insert into app.profile_languages (profile_id, language_code, level) values (${userId}, 'be', 'native'), (${userId}, 'pl', 'B2')`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level, years)
            values (${userId}, 'investigative-journalism', 4, 10), (${userId}, 'software-testing', 2, null)`;
  await sql`insert into app.profile_tags (profile_id, tag) values (${userId}, 'кіраванне беспілотнікамі')`;
  await sql`insert into app.profile_directions (profile_id, direction_id) values (${userId}, 'media'), (${userId}, 'accountability')`;
  await openProfile(sql, userId, { identity: 'members', skills: 'members', legal_name: 'organizers' });
}
