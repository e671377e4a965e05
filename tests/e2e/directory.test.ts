import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Sql } from '../../app/platform/db/client.server';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, openProfile, TEST_PASSWORD } from '../support/factories';
import { localeTexts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The organizer's search in Chromium, in Polish: before any filter, a guide (what to search, what
 * a search costs with the searches left, what is recorded, how to reach someone); typing "Wilno"
 * and ticking a skill finds a member whose name is written in Cyrillic, with "Searching…" while
 * each search runs; the URL holds the filters and the back button brings the previous results
 * back; a search that finds nobody offers each filter to remove; the form works from the keyboard
 * alone (without JavaScript: tests/e2e/no-javascript.test.ts); and the page fits a 360 px phone
 * with 44 px touch targets.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const t = localeTexts('pl');
const PHONE = { width: 360, height: 740 };

async function seedMember(sql: Sql, name: string, skill: string) {
  const person = await createUser(sql, { displayName: name });
  await sql`update app.profiles set headline = 'Prawniczka', city_id = 'vilnius', work_mode = 'remote' where id = ${person.userId}`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level) values (${person.userId}, ${skill}, 4)`;
  await openProfile(sql, person.userId, { identity: 'organizers', skills: 'organizers' });
}

let skillName = '';
let categoryName = '';
beforeAll(async () => {
  const sql = running.database.sql;
  await seedMember(sql, 'Лясны Зубр', 'criminal-law');
  for (const name of ['Ales Kavaliou', 'Hanna Lis', 'Maryja Bielaja']) await seedMember(sql, name, 'fact-checking');
  const [row] = await sql`select s.name_pl as skill, c.name_pl as category
                          from app.skills s join app.skill_categories c on c.id = s.category_id where s.id = 'criminal-law'`;
  skillName = row!.skill;
  categoryName = row!.category;
});

/** Opens /directory as a new organizer: password, then the code from the authenticator. */
async function signInAsOrganizer(viewport?: { width: number; height: number }) {
  const sql = running.database.sql;
  const organizer = await createUser(sql, { roles: ['organizer'] });
  const secret = await giveVerifiedFactor(sql, organizer.userId);
  const opened = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL', viewport });
  const { page } = opened;
  await page.goto('/directory');
  await waitForHydration(page);
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(organizer.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await page.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
  await page.getByRole('main').getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
  await heading(page, t('directory:title'));
  return opened;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).first().waitFor();
/** A text with a {{count}} placeholder as a pattern that takes any number. */
const anyCount = (text: string) => new RegExp(text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{count\}\}/g, '\\d+'));
const results = (page: Page) => page.getByRole('article');
const resultsSettled = (page: Page) => page.locator('section.results[aria-busy="false"]').waitFor();

describe('the directory in Polish', () => {
  test('finds a member written in Cyrillic from "Wilno" and a skill; the URL holds it and back restores the results', async () => {
    const { page, consoleErrors } = await signInAsOrganizer();
    await heading(page, t('directory:guide.title'));

    // Typed with a pause: two searches run, but the second replaces the first in the history.
    const city = page.getByLabel(t('directory:form.city'), { exact: true });
    await city.pressSequentially('Wil');
    await page.waitForURL((url) => url.search === '?city=Wil');
    await city.pressSequentially('no');
    await page.waitForURL((url) => url.search === '?city=Wilno');
    await resultsSettled(page);
    expect(await results(page).count()).toBe(4);

    await page.getByText(categoryName, { exact: true }).click();
    await page.getByLabel(skillName, { exact: true }).check();
    await page.waitForURL((url) => url.search === '?skill=criminal-law&city=Wilno');
    await resultsSettled(page);
    await expect.poll(() => results(page).count()).toBe(1);
    await page.getByRole('article').getByRole('heading', { name: 'Лясны Зубр', exact: true }).waitFor();
    await heading(page, t('directory:results.fewerThan', { count: 5 }));

    await page.goBack();
    await page.waitForURL((url) => url.search === '?city=Wilno');
    await expect.poll(() => results(page).count()).toBe(4);
    // The form follows the URL: the skill is no longer ticked, the city still typed.
    expect(await page.getByLabel(skillName, { exact: true }).isChecked()).toBe(false);
    expect(await city.inputValue()).toBe('Wilno');
    // One step further back is the page before the typing, not the half-typed "Wil".
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/directory' && url.search === '');
    await heading(page, t('directory:guide.title'));
    expect(await city.inputValue()).toBe('');
    expect(consoleErrors).toEqual([]);
  });

  test('guides an organizer before the first search and shows that a search is running', async () => {
    const { page, consoleErrors } = await signInAsOrganizer();
    const guide = page.getByRole('region', { name: t('directory:guide.title'), exact: true });
    for (const key of ['findTitle', 'costTitle', 'recordedTitle', 'reachTitle']) {
      await guide.getByRole('heading', { name: t(`directory:guide.${key}`), exact: true }).waitFor();
    }
    // The hourly quota, as searches left; opening the page spent none of it.
    await guide.getByText(anyCount(t('directory:guide.left_many'))).waitFor();
    await guide.getByText(t('directory:guide.reach'), { exact: true }).waitFor();

    // Hold the search's data request to see the pending state, then let it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/directory' && url.searchParams.has('_data'),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.getByLabel(t('directory:form.city'), { exact: true }).fill('Wilno');
    await page.getByRole('status').filter({ hasText: t('directory:form.searching') }).waitFor();
    expect(await guide.getAttribute('aria-busy')).toBe('true');
    await page.getByRole('button', { name: t('directory:form.searching'), exact: true }).waitFor();
    release();
    await resultsSettled(page);
    await expect.poll(() => results(page).count()).toBe(4);
    await page.getByRole('button', { name: t('directory:form.submit'), exact: true }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  test('a search that finds nobody offers each filter to remove, and saving the search', async () => {
    const { page } = await signInAsOrganizer();
    await page.goto('/directory?city=Wilno&q=Nikogo');
    await waitForHydration(page);
    await heading(page, t('directory:empty.title'));
    expect(await results(page).count()).toBe(0);
    const save = page.getByRole('main').getByRole('link', { name: t('directory:results.save'), exact: true });
    expect(await save.getAttribute('href')).toBe('/organizer/saved-searches/new?q=Nikogo&city=Wilno');
    const withoutText = t('directory:empty.removeOne', { filter: `${t('directory:form.q')}: Nikogo` });
    await page.getByRole('link', { name: withoutText, exact: true }).click();
    await page.waitForURL((url) => url.search === '?city=Wilno');
    await expect.poll(() => results(page).count()).toBe(4);
  });

  test('can be used with the keyboard alone', async () => {
    const { page } = await signInAsOrganizer();
    const text = page.getByLabel(t('directory:form.q'), { exact: true });
    await text.focus();
    await page.keyboard.type('Зубр');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Зубр');
    await page.getByRole('article').getByRole('heading', { name: 'Лясны Зубр', exact: true }).waitFor();

    // From the text field, Tab reaches the first skill category; Enter opens it, Space ticks.
    await text.focus();
    await page.keyboard.press('Tab');
    const summary = await page.evaluate(() => document.activeElement?.tagName);
    expect(summary).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return { type: element?.type, value: element?.value };
    });
    expect(box.type).toBe('checkbox');
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll('skill').includes(box.value!));
    await resultsSettled(page);
    // The search ran and focus stayed on the ticked box.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
  });

  test('fits a 360 px phone without scrolling sideways', async () => {
    const { page } = await signInAsOrganizer(PHONE);
    for (const path of ['/directory', '/directory?skill=criminal-law&city=Wilno', '/directory?city=Wilno&q=Maryja', '/directory?city=Wilno&q=Nikogo']) {
      await page.goto(path);
      await waitForHydration(page);
      // Open a category of skills too (it starts open when one of its skills is chosen).
      const category = page.locator('details', { has: page.locator('summary', { hasText: categoryName }) });
      if ((await category.getAttribute('open')) === null) await category.locator('summary').click();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(PHONE.width);
      // Every button, button-like link and disclosure in the page is a 44 px touch target.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('main :is(button, .button, summary, input[type="checkbox"] + label, input[type="radio"] + label)')]
          .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().height < 44)
          .map((element) => element.textContent),
      );
      expect(small, path).toEqual([]);
    }
  });
});
