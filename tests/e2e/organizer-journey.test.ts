import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Identity, Sql } from '../../app/platform/db/client.server';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, openProfile, TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { codeFor, giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Why Talaka exists, in a browser: an organizer signs in with the second factor, searches
 * "Vilnius" and a skill in Polish, finds a member whose name is written in Cyrillic, and sends a
 * contact request; the member, in Belarusian, accepts; only then does the organizer see the
 * channel the member shared. And the other way round: before acceptance, after a decline, and for
 * an organizer the member never answered, the channel is nowhere on the page.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const pl = localeTexts('pl');
const be = localeTexts('be');

const MEMBER_NAME = 'Святлана Ціханоўская';
const CHANNEL = 'sviatlana.vilnia.07';
const SKILL = 'criminal-law';

let member: Identity;
let skillName = '';
let categoryName = '';

async function organizer(sql: Sql, organization: string) {
  const person = await createUser(sql, { roles: ['organizer'], displayName: `Organizer of ${organization}` });
  await sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${person.userId} and role = 'organizer'`;
  await sql`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
    values (${person.userId}, ${organization}, 'Coordinator', 'We staff the legal aid desk for political prisoners.', 'Ales K., board', 'approved', now())`;
  return { ...person, secret: await giveVerifiedFactor(sql, person.userId) };
}

beforeAll(async () => {
  const sql = running.database.sql;
  member = await createUser(sql, { displayName: MEMBER_NAME });
  await sql`update app.profiles set headline = 'Юрыстка, правы чалавека', city_id = 'vilnius', work_mode = 'both' where id = ${member.userId}`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level) values (${member.userId}, ${SKILL}, 4)`;
  await sql`insert into app.contact_channels (profile_id, kind, value) values (${member.userId}, 'signal', ${CHANNEL})`;
  await openProfile(sql, member.userId, { identity: 'organizers', skills: 'organizers' });
  // Someone else in Vilnius without the skill: the skill filter must leave them out.
  const other = await createUser(sql, { displayName: 'Ales Kavaliou' });
  await sql`update app.profiles set city_id = 'vilnius' where id = ${other.userId}`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level) values (${other.userId}, 'fact-checking', 3)`;
  await openProfile(sql, other.userId, { identity: 'organizers', skills: 'organizers' });

  const [row] = await sql`select s.name_pl as skill, c.name_pl as category
                          from app.skills s join app.skill_categories c on c.id = s.category_id where s.id = ${SKILL}`;
  skillName = row!.skill;
  categoryName = row!.category;
});

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true }).first().waitFor();
const main = (page: Page) => page.getByRole('main');

/** Password, then the code from the authenticator app, starting from the page wanted. */
async function signInAsOrganizer(who: { email: string; secret: string }, path: string) {
  const opened = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL' });
  const { page } = opened;
  await page.goto(path);
  await waitForHydration(page);
  await page.getByLabel(pl('auth:fields.email'), { exact: true }).fill(who.email);
  await page.getByLabel(pl('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main(page).getByRole('button', { name: pl('auth:signIn.submit'), exact: true }).click();
  await page.getByLabel(pl('security:fields.code'), { exact: true }).fill(codeFor(who.secret));
  await main(page).getByRole('button', { name: pl('security:secondFactor.submit'), exact: true }).click();
  return opened;
}

async function signInAsMember(t: Texts, locale: string) {
  const opened = await browser.openPage({ baseURL: running.app.url, locale });
  const { page } = opened;
  await page.goto('/account/requests');
  await waitForHydration(page);
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(member.email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main(page).getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  await heading(page, t('contact:inbox.title'));
  return opened;
}

/** Finds the member through the directory in Polish and sends a request from their profile. */
async function findAndAsk(page: Page, message: string) {
  await heading(page, pl('directory:title'));
  await page.getByLabel(pl('directory:form.city'), { exact: true }).fill('Vilnius');
  // Typing searches after a pause; the form then follows the URL. Let that search land before
  // ticking a skill, or its re-render could untick the box.
  await page.waitForURL((url) => url.searchParams.get('city') === 'Vilnius');
  await page.locator('section.results[aria-busy="false"]').waitFor();
  await page.getByText(categoryName, { exact: true }).click();
  await page.getByLabel(skillName, { exact: true }).check();
  await page.waitForURL((url) => url.searchParams.get('city') === 'Vilnius' && url.searchParams.get('skill') === SKILL);
  await page.locator('section.results[aria-busy="false"]').waitFor();
  await expect.poll(() => page.getByRole('article').count()).toBe(1);
  await page.getByRole('article').getByRole('link', { name: MEMBER_NAME, exact: true }).click();

  await heading(page, MEMBER_NAME);
  await waitForHydration(page);
  await page.getByLabel(pl('contact:request.message'), { exact: true }).fill(message);
  await main(page).getByRole('button', { name: pl('contact:request.send'), exact: true }).click();
  await page.getByText(pl('contact:request.sent'), { exact: true }).waitFor();
  expect(await page.content()).not.toContain(CHANNEL);
}

describe('an organizer finds a member and the member accepts', () => {
  test('the channel opens to that organizer only after acceptance; a declined organizer sees nothing', async () => {
    const sql = running.database.sql;
    const asker = await organizer(sql, 'Biełaruski Dom w Warszawie');
    const declined = await organizer(sql, 'Fundacja Wolna Praca');
    const silent = await organizer(sql, 'Stowarzyszenie Zubr');

    const { page, consoleErrors } = await signInAsOrganizer(asker, '/directory');
    await findAndAsk(page, 'Dzień dobry! Szukamy prawniczki do dyżuru pomocy prawnej w Wilnie.');
    const profileUrl = page.url();

    const other = await signInAsOrganizer(declined, '/directory');
    await findAndAsk(other.page, 'Potrzebujemy konsultacji prawnej dla naszych wolontariuszy.');

    // The member, in Belarusian: two requests waiting; the first organizer is accepted, the second declined.
    const { page: inbox } = await signInAsMember(be, 'be-BY');
    const requests = inbox.locator('article, li').filter({ hasText: 'Biełaruski Dom w Warszawie' });
    await requests.getByRole('button', { name: be('contact:inbox.accept'), exact: true }).click();
    await inbox.getByText(be('contact:inbox.done.accept'), { exact: true }).waitFor();
    const declinedRequest = inbox.locator('article, li').filter({ hasText: 'Fundacja Wolna Praca' });
    await declinedRequest.getByRole('button', { name: be('contact:inbox.decline'), exact: true }).click();
    await inbox.getByText(be('contact:inbox.done.decline'), { exact: true }).waitFor();

    // The accepted organizer now sees the channel on the member's profile.
    await page.goto(profileUrl);
    await heading(page, pl('contact:request.channels'));
    await main(page).getByText(CHANNEL).waitFor();
    expect(consoleErrors).toEqual([]);

    // The declined organizer sees the decline and nothing of the member's channels.
    await other.page.goto(profileUrl);
    await other.page.getByText(pl('contact:request.declinedNote'), { exact: true }).waitFor();
    expect(await other.page.content()).not.toContain(CHANNEL);

    // An organizer who never asked sees the request form and no channel.
    const { page: third } = await signInAsOrganizer(silent, profileUrl.replace(running.app.url, ''));
    await heading(third, MEMBER_NAME);
    await third.getByLabel(pl('contact:request.message'), { exact: true }).waitFor();
    expect(await third.content()).not.toContain(CHANNEL);
  });

  test('a member without organizer powers cannot search the directory or see the channel', async () => {
    const sql = running.database.sql;
    const neighbour = await createUser(sql);
    const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'pl-PL' });
    await page.goto('/directory?city=Vilnius');
    await waitForHydration(page);
    await page.getByLabel(pl('auth:fields.email'), { exact: true }).fill(neighbour.email);
    await page.getByLabel(pl('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
    await main(page).getByRole('button', { name: pl('auth:signIn.submit'), exact: true }).click();
    await page.waitForLoadState('networkidle');
    const html = await page.content();
    expect(html).not.toContain(MEMBER_NAME);
    expect(html).not.toContain(CHANNEL);
    expect(await page.getByRole('article').count()).toBe(0);
  });
});
