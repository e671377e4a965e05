import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * A member's first steps. A new member signs in and lands on a welcome that says what Talaka keeps
 * and who may see what; it leads into step 1, every step shows how far they are, and after the
 * last one a finish says what is now visible to whom. All of it with JavaScript off, on a phone.
 * Later, the account page pictures how complete the profile is and links to what is missing, and
 * the empty lists of a new member say what comes next.
 */

const running = useSelfHostedApp();
const browser = useBrowser();
const PHONE = { width: 360, height: 740 };
const TOTAL_STEPS = 9;

test('without JavaScript, a new member is welcomed, led through the steps with progress shown, and told what is visible to whom', async () => {
  const t = localeTexts('pl');
  const member = await createUser(running.database.sql);
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL', viewport: PHONE, javaScriptEnabled: false });
  const main = page.getByRole('main');

  await page.goto('/sign-in');
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(member.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await heading(page, t('auth:account.title'));

  // The welcome: who sees what in plain words, contact details never, and the way into step 1.
  await main.getByRole('heading', { level: 2, name: t('profile:firstSteps.title'), exact: true }).waitFor();
  for (const audience of ['only_me', 'organizers', 'members']) {
    await main.getByRole('term').filter({ hasText: t(`profile:visibility.audiences.${audience}.label`) }).waitFor();
    await main.getByText(t(`profile:firstSteps.audiences.${audience}`), { exact: true }).waitFor();
  }
  await main.getByText(t('profile:firstSteps.hiddenUntil'), { exact: true }).waitFor();
  await main.getByText(t('profile:firstSteps.contactNever'), { exact: true }).waitFor();
  await main.getByText(t('profile:firstSteps.keeps'), { exact: true }).waitFor();
  expect(await horizontalOverflow(page)).toBe(0);

  await main.getByRole('link', { name: t('profile:firstSteps.start', { step: t('profile:steps.identity') }), exact: true }).click();
  await heading(page, t('profile:steps.identity'));
  expect(await progress(page, t)).toBe(t('profile:editor.stepOf', { number: 1, total: TOTAL_STEPS }));
  const seen = ['identity', 'legal_name'].map((part) =>
    t('profile:editor.partSeenBy', { part: t(`profile:parts.${part}`), audience: t('profile:audienceNames.only_me') }),
  );
  await main.getByText(t('profile:editor.seenNow', { parts: seen.join('; ') }), { exact: false }).waitFor();

  // A refused save comes back from the server with its message; a good one moves on.
  await main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }).click();
  await main.getByRole('alert').filter({ hasText: t('profile:errors.displayNameRequired') }).waitFor();
  await main.getByLabel(t('profile:identity.displayName'), { exact: true }).fill('Pierwszy Krok');
  await main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }).click();
  await heading(page, t('profile:steps.about'));
  expect(await progress(page, t)).toBe(t('profile:editor.stepOf', { number: 2, total: TOTAL_STEPS }));
  await main.getByRole('status').filter({ hasText: t('profile:editor.saved', { step: t('profile:steps.identity') }) }).waitFor();

  // The last step: the name opened to vetted organizers, with the consent that needs.
  const steps = page.getByRole('navigation', { name: t('profile:editor.stepsLabel'), exact: true });
  await steps.getByRole('link', { name: t('profile:steps.visibility'), exact: true }).click();
  await heading(page, t('profile:steps.visibility'));
  expect(await progress(page, t)).toBe(t('profile:editor.stepOf', { number: TOTAL_STEPS, total: TOTAL_STEPS }));
  await main
    .getByRole('group', { name: t('profile:visibility.parts.identity.legend'), exact: true })
    .getByRole('radio', { name: t('profile:visibility.audiences.organizers.label'), exact: true })
    .check();
  await main
    .getByRole('region', { name: t('profile:consent.visible_to_organizers.title'), exact: true })
    .getByRole('checkbox', { name: t('profile:consent.visible_to_organizers.agree'), exact: true })
    .check();
  await main.getByRole('button', { name: t('profile:editor.save'), exact: true }).click();

  // The finish: what is visible now, grouped by who sees it; contact details stay private.
  await heading(page, t('profile:overview.title'));
  await main.getByRole('heading', { level: 2, name: t('profile:finish.title'), exact: true }).waitFor();
  const group = (audience: string) => main.getByRole('list', { name: t(`profile:finish.${audience}`), exact: true });
  expect(await group('organizers').getByRole('listitem').allInnerTexts()).toEqual([t('profile:parts.identity')]);
  expect(await group('only_me').getByRole('listitem').allInnerTexts()).toEqual(
    ['legal_name', 'skills', 'bio', 'photo', 'cv'].map((part) => t(`profile:parts.${part}`)),
  );
  expect(await group('members').count()).toBe(0);
  await main.getByText(t('profile:finish.contact'), { exact: true }).waitFor();

  // Started now: the account page no longer welcomes, it shows what is missing.
  await page.goto('/account');
  await heading(page, t('auth:account.title'));
  expect(await main.getByRole('heading', { name: t('profile:firstSteps.title'), exact: true }).count()).toBe(0);
  const missing = main.getByRole('list', { name: t('profile:completeness.missingTitle'), exact: true });
  await missing.getByRole('link', { name: t('profile:steps.about'), exact: true }).click();
  await heading(page, t('profile:steps.about'));
  const [saved] = await running.database.sql`select display_name, identity_audience from app.profiles where id = ${member.userId}`;
  expect(saved).toEqual({ display_name: 'Pierwszy Krok', identity_audience: 'organizers' });
});

test('the account page pictures how complete the profile is and links each missing section to its step; empty lists say what comes next', async () => {
  const t = localeTexts('be');
  const member = await createUser(running.database.sql, { displayName: 'Паўна Напалову' });
  await running.database.sql`update app.profiles set bio = 'Юрыстка' where id = ${member.userId}`;
  await running.database.sql`insert into app.profile_languages (profile_id, language_code, level) values (${member.userId}, 'be', 'native')`;
  const { page, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale: 'be', viewport: PHONE });
  const main = page.getByRole('main');

  await page.goto('/sign-in');
  await waitForHydration(page);
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(member.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await heading(page, t('auth:account.title'));
  await waitForHydration(page);

  // Three of seven sections: 42 %, said in words and as a bar; a started profile gets no welcome.
  expect(await main.getByRole('heading', { name: t('profile:firstSteps.title'), exact: true }).count()).toBe(0);
  const meter = main.getByLabel(t('profile:completeness.label'), { exact: true });
  expect(await meter.getAttribute('aria-valuetext')).toBe(t('profile:completeness.value', { percent: 42 }));
  expect(await meter.evaluate((element: HTMLMeterElement) => [element.value, element.max])).toEqual([42, 100]);
  await main.getByText(t('profile:overview.completeness', { done: 3, total: 7 }), { exact: true }).waitFor();
  const missing = main.getByRole('list', { name: t('profile:completeness.missingTitle'), exact: true });
  expect(await missing.getByRole('link').allInnerTexts()).toEqual(
    ['place', 'skills', 'directions', 'availability'].map((step) => t(`profile:steps.${step}`)),
  );
  expect(await horizontalOverflow(page)).toBe(0);

  await missing.getByRole('link', { name: t('profile:steps.skills'), exact: true }).click();
  await heading(page, t('profile:steps.skills'));
  expect(await progress(page, t)).toBe(t('profile:editor.stepOf', { number: 5, total: TOTAL_STEPS }));

  // Empty lists say what happens next and where to go about it.
  for (const [path, title, next] of [
    ['/account/requests', 'contact:inbox.none', 'contact:inbox.noneNext'],
    ['/account/viewers', 'audit:viewers.none', 'audit:viewers.noneNext'],
  ] as const) {
    await page.goto(path);
    await main.getByRole('heading', { level: 2, name: t(title), exact: true }).waitFor();
    await main.getByText(t(next), { exact: true }).waitFor();
    await main.getByRole('link', { name: t('profile:overview.changeVisibility'), exact: true }).waitFor();
  }
  expect(consoleErrors).toEqual([]);
});

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** The editor's progress bar, as a screen reader hears its value. */
const progress = (page: Page, t: Texts) =>
  page.getByRole('main').getByLabel(t('profile:editor.progress'), { exact: true }).getAttribute('aria-valuetext');

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
