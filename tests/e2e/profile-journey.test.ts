import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Language } from '../../app/i18n/config';
import type { Sql } from '../../app/platform/db/client.server';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * A member's whole life with a profile, in Polish on a phone and in Belarusian on a desktop:
 * every step filled in (with a refused value on the way, which keeps what was typed, and one
 * contact channel, which nobody else sees), a photo, some parts opened to members and seen by
 * another member, "hide me now", the export, and the deletion, after which the password no
 * longer signs in. Texts come from the locale files and reference names from the database, in
 * the page's language.
 */

const running = useSelfHostedApp();
const browser = useBrowser();

const journeys = [
  {
    language: 'pl',
    locale: 'pl-PL',
    viewport: { width: 360, height: 740 },
    displayName: 'Żubr z Puszczy',
    headline: 'Dziennikarka śledcza i programistka front-end',
    bio: 'Od dziesięciu lat piszę o represjach; teraz pomagam redakcjom na emigracji.',
    city: 'warsaw',
    languages: [['be', 'native'], ['pl', 'C1']],
    skills: [['investigative-journalism', 4, 10], ['frontend-development', 3, 5], ['fact-checking', 2, 2]],
    tag: 'pilotowanie dronów',
    directions: ['media', 'human-rights'],
    hours: 10,
    workMode: 'remote',
    contact: { kind: 'telegram', typed: 'https://t.me/zubr_z_puszczy', stored: '@zubr_z_puszczy' },
  },
  {
    language: 'be',
    locale: 'be-BY',
    viewport: { width: 1280, height: 800 },
    displayName: 'Лясны Зубр',
    headline: 'Юрыстка, правы чалавека',
    bio: 'Дакументую парушэнні правоў чалавека і дапамагаю сем’ям палітвязняў.',
    city: 'vilnius',
    languages: [['be', 'native'], ['lt', 'B1']],
    skills: [['criminal-law', 4, 12], ['evidence-collection', 3, 4], ['fact-checking', 1, 1]],
    tag: 'жэставая мова',
    directions: ['accountability', 'human-rights'],
    hours: 6,
    workMode: 'both',
    contact: { kind: 'signal', typed: 'lyasny_zubr.07', stored: 'lyasny_zubr.07' },
  },
] as const;
type Journey = (typeof journeys)[number];

let photoDir = '';
beforeAll(async () => {
  photoDir = await mkdtemp(path.join(tmpdir(), 'talaka-photo-'));
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6a8caf' } }).jpeg().toFile(path.join(photoDir, 'me.jpg'));
});
afterAll(() => rm(photoDir, { recursive: true, force: true }));

describe.each(journeys)('a member using the site in $language, $viewport.width px wide', (journey) => {
  test('fills the profile, adds a photo, opens parts to members, hides, downloads the data and deletes the account', async () => {
    const t = localeTexts(journey.language);
    const names = await referenceNames(running.database.sql, journey.language);
    const owner = await createUser(running.database.sql);
    const viewer = await createUser(running.database.sql);
    const pageOptions = { baseURL: running.app.url, locale: journey.locale, viewport: journey.viewport };
    const { page, consoleErrors } = await browser.openPage(pageOptions);

    await signIn(page, t, owner.email);
    // A first sign-in: the welcome leads into step 1.
    const welcome = page.getByRole('main');
    await welcome.getByRole('heading', { name: t('profile:firstSteps.title'), exact: true }).waitFor();
    await welcome.getByRole('link', { name: t('profile:firstSteps.start', { step: t('profile:steps.identity') }), exact: true }).click();
    await fillEveryStep(page, t, names, journey);
    await uploadPhoto(page, t);

    const stored = await readdir(path.join(running.app.dataDir, 'storage'), { recursive: true });
    expect(stored.some((file) => file.includes(owner.userId))).toBe(true);

    const other = await browser.openPage(pageOptions);
    await signIn(other.page, t, viewer.email);
    await other.page.goto(`/people/${owner.userId}`);
    await seeOpenedPartsOnly(other.page, t, names, journey);

    await page.getByRole('banner').getByRole('button', { name: t('profile:hide.button'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: t('profile:hide.done') }).waitFor();
    // Back on the same page, whose one-time notice ("photo saved") does not come back.
    expect(await page.getByRole('status').filter({ hasText: t('files:done.photoSaved') }).count()).toBe(0);
    expect((await other.page.reload())?.status()).toBe(404);
    await heading(other.page, t('errors.notFound.title'));

    const data = await downloadMyData(page, t);
    expect(data.account).toMatchObject({ id: owner.userId, email: owner.email });
    expect(data.profile).toMatchObject({
      display_name: journey.displayName,
      headline: journey.headline,
      bio: journey.bio,
      city_id: journey.city,
      hours_per_week: journey.hours,
      work_mode: journey.workMode,
      identity_audience: 'only_me',
      skills_audience: 'only_me',
      tags: [journey.tag],
    });
    const skills = journey.skills.map(([skill_id, level, years]) => ({ skill_id, level, years }));
    expect(data.profile.skills).toEqual(expect.arrayContaining(skills.map((skill) => expect.objectContaining(skill))));
    expect(data.profile.skills).toHaveLength(3);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'visible_to_members', withdrawn_at: null })]);
    expect(data.contact_channels).toEqual([{ kind: journey.contact.kind, value: journey.contact.stored }]);

    await deleteAccount(page, t);
    expect(await running.database.sql`select 1 from auth.users where id = ${owner.userId}`).toHaveLength(0);
    const left = await readdir(path.join(running.app.dataDir, 'storage'), { recursive: true });
    expect(left.filter((file) => file.includes(owner.userId))).toEqual([]);
    // The refused sign-in below is a 400 the browser reports; everything before it was clean.
    expect(consoleErrors).toEqual([]);

    await page.getByRole('banner').getByRole('link', { name: t('nav.signIn'), exact: true }).click();
    await heading(page, t('auth:signIn.title'));
    await submitSignIn(page, t, owner.email);
    await page.getByRole('alert').filter({ hasText: t('auth:errors.invalidCredentials') }).waitFor();
  });
});

type Names = Record<'cities' | 'languages' | 'skills' | 'directions', Record<string, string>>;

/** What the page calls the reference data, in its language (the names live in migrations). */
async function referenceNames(sql: Sql, language: Language): Promise<Names> {
  const column = sql(`name_${language}`);
  const named = async (rows: Promise<{ id: string; name: string }[]>) => Object.fromEntries((await rows).map((row) => [row.id, row.name]));
  return {
    cities: await named(sql`select id, ${column} as name from app.cities`),
    languages: await named(sql`select code as id, ${column} as name from app.languages`),
    skills: await named(sql`select id, ${column} as name from app.skills`),
    directions: await named(sql`select id, ${column} as name from app.directions`),
  };
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

async function submitSignIn(page: Page, t: Texts, email: string) {
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
}

async function signIn(page: Page, t: Texts, email: string) {
  await page.goto('/sign-in');
  await waitForHydration(page);
  await submitSignIn(page, t, email);
  await heading(page, t('auth:account.title'));
}

const STEPS = ['identity', 'about', 'place', 'languages', 'skills', 'directions', 'availability', 'contact', 'visibility'];

/** Saves the step on screen and waits for the next one, with its progress (or the overview after the last). */
async function save(page: Page, t: Texts, next: string | null) {
  const button = t(next ? 'profile:editor.saveAndContinue' : 'profile:editor.save');
  await page.getByRole('main').getByRole('button', { name: button, exact: true }).click();
  await heading(page, next ? t(`profile:steps.${next}`) : t('profile:overview.title'));
  if (!next) return;
  const progress = page.getByRole('main').getByLabel(t('profile:editor.progress'), { exact: true });
  const number = STEPS.indexOf(next) + 1;
  expect(await progress.getAttribute('aria-valuetext')).toBe(t('profile:editor.stepOf', { number, total: STEPS.length }));
}

async function fillEveryStep(page: Page, t: Texts, names: Names, journey: Journey) {
  const main = page.getByRole('main');
  const field = (label: string) => main.getByLabel(t(label), { exact: true });
  const row = (list: 'languages' | 'skills', number: number) =>
    main.getByRole('group', { name: t(`profile:${list}.row`, { number }), exact: true });

  await heading(page, t('profile:steps.identity'));
  await field('profile:identity.displayName').fill(journey.displayName);
  await field('profile:identity.headline').fill(`${journey.headline} `.repeat(8));
  await main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }).click();
  await main.getByRole('alert').filter({ hasText: t('profile:errors.headlineTooLong') }).waitFor();
  expect(await field('profile:identity.headline').getAttribute('aria-invalid')).toBe('true');
  expect(await field('profile:identity.displayName').inputValue()).toBe(journey.displayName);
  await field('profile:identity.headline').fill(journey.headline);
  await save(page, t, 'about');
  await main.getByRole('status').filter({ hasText: t('profile:editor.saved', { step: t('profile:steps.identity') }) }).waitFor();

  await field('profile:about.bio').fill(journey.bio);
  await save(page, t, 'place');

  await main.getByRole('radio', { name: t('profile:place.choices.city'), exact: true }).check();
  await field('profile:place.city').selectOption({ label: names.cities[journey.city]! });
  await save(page, t, 'languages');

  for (const [index, [code, level]] of journey.languages.entries()) {
    if (index > 0) await main.getByRole('button', { name: t('profile:languages.add'), exact: true }).click();
    const cells = row('languages', index + 1);
    await cells.getByLabel(t('profile:languages.language'), { exact: true }).selectOption({ label: names.languages[code]! });
    await cells.getByLabel(t('profile:languages.level'), { exact: true }).selectOption({ label: t(`profile:languageLevels.${level}`) });
  }
  await save(page, t, 'skills');

  for (const [index, [id, level, years]] of journey.skills.entries()) {
    if (index > 0) await main.getByRole('button', { name: t('profile:skills.add'), exact: true }).click();
    const cells = row('skills', index + 1);
    await cells.getByLabel(t('profile:skills.skill'), { exact: true }).selectOption({ label: names.skills[id]! });
    await cells.getByLabel(t('profile:skills.level'), { exact: true }).selectOption({ label: t(`profile:skillLevels.${level}`) });
    await cells.getByLabel(t('profile:skills.years'), { exact: true }).fill(String(years));
  }
  await field('profile:skills.tags').fill(journey.tag);
  await save(page, t, 'directions');

  for (const id of journey.directions) await main.getByRole('checkbox', { name: names.directions[id], exact: true }).check();
  await save(page, t, 'availability');

  const mode = main.getByRole('radio', { name: t(`profile:workModes.${journey.workMode}`), exact: true });
  await mode.check();
  await field('profile:availability.hours').fill('0');
  await main.getByRole('button', { name: t('profile:editor.saveAndContinue'), exact: true }).click();
  await main.getByRole('alert').filter({ hasText: t('profile:errors.hoursRange') }).waitFor();
  expect(await field('profile:availability.hours').inputValue()).toBe('0');
  expect(await mode.isChecked()).toBe(true);
  await field('profile:availability.hours').fill(String(journey.hours));
  await save(page, t, 'contact');

  // How to reach you: one channel, said to stay private until a contact request is accepted.
  await main.getByText(t('profile:contact.private'), { exact: false }).waitFor();
  await field(`profile:contact.${journey.contact.kind}`).fill(journey.contact.typed);
  await save(page, t, 'visibility');

  for (const part of ['identity', 'skills', 'photo']) {
    const group = main.getByRole('group', { name: t(`profile:visibility.parts.${part}.legend`), exact: true });
    await group.getByRole('radio', { name: t('profile:visibility.audiences.members.label'), exact: true }).check();
  }
  await main.getByRole('button', { name: t('profile:editor.save'), exact: true }).click();
  await main.getByRole('alert').filter({ hasText: t('profile:errors.consentMembersNeeded') }).waitFor();
  const consent = main.getByRole('region', { name: t('profile:consent.visible_to_members.title'), exact: true });
  await consent.getByRole('checkbox', { name: t('profile:consent.visible_to_members.agree'), exact: true }).check();
  await save(page, t, null);
  // The finish says what all members now see, and what stays with the member.
  await main.getByRole('heading', { name: t('profile:finish.title'), exact: true }).waitFor();
  await main.getByText(t('profile:overview.completeness', { done: 7, total: 7 }), { exact: true }).waitFor();
  const seenBy = (audience: string) => main.getByRole('list', { name: t(`profile:finish.${audience}`), exact: true }).getByRole('listitem');
  expect(await seenBy('members').allInnerTexts()).toEqual(['identity', 'skills', 'photo'].map((part) => t(`profile:parts.${part}`)));
  expect(await seenBy('only_me').allInnerTexts()).toEqual(['legal_name', 'bio', 'cv'].map((part) => t(`profile:parts.${part}`)));
}

async function uploadPhoto(page: Page, t: Texts) {
  const main = page.getByRole('main');
  await main.getByRole('link', { name: t('profile:account.files'), exact: true }).click();
  await heading(page, t('files:title'));
  await main.getByLabel(t('files:photo.chooseLabel'), { exact: true }).setInputFiles(path.join(photoDir, 'me.jpg'));
  await main.getByRole('button', { name: t('files:photo.upload'), exact: true }).click();
  await main.getByRole('status').filter({ hasText: t('files:done.photoSaved') }).waitFor();
  await main.getByRole('img', { name: t('files:photo.currentAlt'), exact: true }).waitFor();
}

/** Another member sees the name, headline, skills, place, time and photo; never the bio or the contact. */
async function seeOpenedPartsOnly(page: Page, t: Texts, names: Names, journey: Journey) {
  const main = page.getByRole('main');
  await heading(page, journey.displayName);
  await main.getByText(journey.headline, { exact: true }).waitFor();
  for (const [id, level, years] of journey.skills) {
    const line = `${names.skills[id]} — ${t(`profile:skillLevels.${level}`)}, ${t('profile:viewer.years', { count: years })}`;
    await main.getByRole('listitem').filter({ hasText: line }).waitFor();
  }
  await main.getByText(t('profile:viewer.tags', { tags: journey.tag }), { exact: true }).waitFor();
  await main.getByText(names.cities[journey.city]!, { exact: false }).first().waitFor();
  await main.getByText(t('profile:viewer.hours', { count: journey.hours }), { exact: true }).waitFor();
  const photo = main.getByRole('img', { name: t('profile:viewer.photoAlt', { name: journey.displayName }), exact: true });
  expect(await photo.evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth))).toBeGreaterThan(0);

  expect(await main.getByRole('heading', { name: t('profile:viewer.about'), exact: true }).count()).toBe(0);
  // Not merely hidden on the page: the bio and the contact channel never left the server.
  const html = await page.content();
  expect(html).not.toContain(journey.bio);
  expect(html).not.toContain(journey.contact.stored);
}

type MyData = { account: object; profile: { skills: unknown[] }; consents: unknown[]; contact_channels: unknown[] };

async function downloadMyData(page: Page, t: Texts): Promise<MyData> {
  const main = page.getByRole('main');
  await page.goto('/account');
  await heading(page, t('auth:account.title'));
  await main.getByRole('link', { name: t('profile:account.export'), exact: true }).click();
  await heading(page, t('account:export.title'));
  await main.getByRole('listitem').filter({ hasText: `${t('account:export.fileKinds.avatars')}: WEBP` }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main.getByRole('button', { name: t('account:export.submit'), exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^talaka-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(await readFile(await download.path(), 'utf8')) as MyData;
}

async function deleteAccount(page: Page, t: Texts) {
  const main = page.getByRole('main');
  const word = t('account:delete.confirmWord');
  await page.goto('/account');
  await heading(page, t('auth:account.title'));
  await main.getByRole('link', { name: t('profile:account.delete'), exact: true }).click();
  await heading(page, t('account:delete.title'));
  const password = main.getByLabel(t('account:delete.password'), { exact: true });
  const confirmation = main.getByLabel(t('account:delete.confirmation', { word }), { exact: true });
  await password.fill(TEST_PASSWORD);
  await confirmation.fill(word.slice(0, -1));
  await main.getByRole('button', { name: t('account:delete.submit'), exact: true }).click();
  await main.getByRole('alert').filter({ hasText: t('account:validation.confirmationWrong') }).waitFor();
  expect(await password.inputValue()).toBe(TEST_PASSWORD);
  await confirmation.fill(word);
  await main.getByRole('button', { name: t('account:delete.submit'), exact: true }).click();
  await heading(page, t('account:goodbye.title'));
}
