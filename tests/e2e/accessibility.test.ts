import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { Language } from '../../app/i18n/config';
import { report, seriousViolations, type Finding } from '../support/a11y-axe';
import { castFor, createSharedWorld, SKILL, type Cast, type SharedWorld } from '../support/a11y-world';
import { useBrowser, waitForHydration, type OpenedPage } from '../support/browser';
import { TEST_PASSWORD } from '../support/factories';
import { localeTexts, type Texts } from '../support/locale-texts';
import { codeFor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Issue 8, acceptance 4: axe (WCAG 2.0/2.1, A and AA) finds no serious or critical violation on
 * any page, signed out and signed in as a member, an organizer and an admin (both with the second
 * factor), in Belarusian, English and Polish. Each role signs in once per language and walks its
 * pages in one browser context; the three languages walk side by side, which keeps the file
 * within a few minutes. Every page is loaded with data in it, so the checks see lists, tables,
 * facets and panels, not only empty states. A failure lists each offending element once, with
 * the pages (and languages) it occurs on.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const LOCALES: Record<Language, string> = { be: 'be-BY', en: 'en-GB', pl: 'pl-PL' };
const LANGUAGES = Object.keys(LOCALES) as Language[];
/** Each test walks three languages at once; on a busy two-core machine that takes a while. */
const WALK_TIMEOUT = 180_000;
const STEPS = ['identity', 'about', 'place', 'languages', 'skills', 'directions', 'availability', 'contact', 'visibility'];

type Visit = { path: string; status?: number };
type Role = { signIn?: (cast: Cast) => { email: string; secret?: string }; paths: (cast: Cast) => Visit[] };

let world: SharedWorld;
const casts = new Map<Language, Cast>();

beforeAll(async () => {
  const { sql, db } = running.database;
  world = await createSharedWorld(sql, db);
  for (const language of LANGUAGES) casts.set(language, await castFor(sql, db, world));
}, 60_000);

/**
 * Visits each path in turn (after hydration, so the checks see the page people use) and
 * gathers axe's serious and critical findings, labelled with the language and the path.
 */
async function sweep({ page, consoleErrors }: OpenedPage, language: Language, visits: Visit[]) {
  const findings: Finding[] = [];
  for (const { path, status = 200 } of visits) {
    const label = `${language} ${path}`;
    const errorsBefore = consoleErrors.length;
    const response = await page.goto(path);
    if (response?.status() !== status) {
      findings.push({ page: label, text: `answered ${response?.status()}, not ${status}` });
      continue;
    }
    const hydrated = await waitForHydration(page, 20_000).then(
      () => true,
      () => false,
    );
    if (!hydrated) findings.push({ page: label, text: `did not hydrate; console: ${consoleErrors.slice(errorsBefore).join(' | ')}` });
    findings.push(...(await seriousViolations(page, label)));
  }
  return findings;
}

async function signIn(page: Page, t: Texts, email: string, secret?: string) {
  await page.goto('/sign-in');
  await waitForHydration(page, 20_000);
  const main = page.getByRole('main');
  await page.getByLabel(t('auth:fields.email'), { exact: true }).fill(email);
  await page.getByLabel(t('auth:fields.password'), { exact: true }).fill(TEST_PASSWORD);
  await main.getByRole('button', { name: t('auth:signIn.submit'), exact: true }).click();
  if (secret) {
    await page.getByLabel(t('security:fields.code'), { exact: true }).fill(codeFor(secret));
    await main.getByRole('button', { name: t('security:secondFactor.submit'), exact: true }).click();
  }
  await page.getByRole('heading', { level: 1, name: t('auth:account.title'), exact: true }).waitFor();
}

/** The role's walk in all three languages at once, one context each; the findings of all. */
async function walkInEveryLanguage(role: Role) {
  const findings = await Promise.all(
    LANGUAGES.map(async (language) => {
      const cast = casts.get(language)!;
      const opened = await browser.openPage({ baseURL: running.app.url, locale: LOCALES[language] });
      opened.page.setDefaultTimeout(20_000);
      const who = role.signIn?.(cast);
      if (who) await signIn(opened.page, localeTexts(language), who.email, who.secret);
      return sweep(opened, language, role.paths(cast));
    }),
  );
  return report(findings.flat());
}

test('signed-out pages have no serious or critical violation', async () => {
  const problems = await walkInEveryLanguage({
    paths: () => [
      { path: '/' },
      { path: '/sign-in' },
      { path: '/sign-up' },
      { path: '/forgot-password' },
      { path: '/magic-link' },
      { path: '/privacy' },
      { path: '/events' },
      { path: `/events/${world.publicEventId}` },
      { path: '/no-such-page', status: 404 },
    ],
  });
  expect(problems).toBe('');
}, WALK_TIMEOUT);

test('a member’s pages have no serious or critical violation', async () => {
  const problems = await walkInEveryLanguage({
    signIn: (cast) => cast.member,
    paths: () => [
      { path: '/account' },
      { path: '/account/profile' },
      ...STEPS.map((step) => ({ path: `/account/profile/${step}` })),
      { path: '/account/files' },
      { path: '/account/export' },
      { path: '/account/delete' },
      { path: '/account/hide' },
      { path: '/account/password' },
      { path: '/account/security' },
      { path: '/account/viewers' },
      { path: '/account/requests' },
      { path: '/organizer/apply' },
      { path: '/events' },
      { path: `/events/${world.memberEventId}` },
      { path: `/events/${world.memberEventId}/pass` },
      { path: `/people/${world.someMemberId}` },
    ],
  });
  expect(problems).toBe('');
}, WALK_TIMEOUT);

test('an organizer’s pages (with the second factor) have no serious or critical violation', async () => {
  const problems = await walkInEveryLanguage({
    signIn: (cast) => cast.organizer,
    paths: (cast) => [
      { path: '/directory' },
      { path: `/directory?skill=${SKILL}` },
      { path: '/directory/map' },
      { path: '/organizer/shortlists' },
      { path: `/organizer/shortlists/${cast.shortlistId}` },
      { path: `/organizer/shortlists/add?member=${cast.member.userId}` },
      { path: '/organizer/saved-searches' },
      { path: `/organizer/saved-searches/new?skill=${SKILL}` },
      { path: '/organizer/requests' },
      { path: `/people/${cast.member.userId}` },
      { path: '/events/new' },
      { path: `/events/${cast.ownEventId}/edit` },
      { path: `/events/${cast.ownEventId}/attendees` },
      { path: `/events/${cast.ownEventId}/check-in` },
    ],
  });
  expect(problems).toBe('');
}, WALK_TIMEOUT);

test('an admin’s pages (with the second factor) have no serious or critical violation', async () => {
  const problems = await walkInEveryLanguage({
    signIn: (cast) => cast.admin,
    paths: () => [{ path: '/admin' }, { path: '/admin/audit' }, { path: '/admin/alerts' }, { path: '/admin/canaries' }, { path: '/admin/quotas' }],
  });
  expect(problems).toBe('');
}, WALK_TIMEOUT);
