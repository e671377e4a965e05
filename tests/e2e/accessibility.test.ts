import { beforeAll, expect, test } from 'vitest';
import type { Language } from '../../app/i18n/config';
import { report, seriousViolations, type Finding } from '../support/a11y-axe';
import { admin, LANGUAGES, LOCALES, member, organizer, signIn, visitor, type Role, type Visit } from '../support/a11y-pages';
import { castFor, createSharedWorld, type Cast, type SharedWorld } from '../support/a11y-world';
import { useBrowser, waitForHydration, type OpenedPage } from '../support/browser';
import { localeTexts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Issue 8, acceptance 4: axe (WCAG 2.0/2.1, A and AA) finds no serious or critical violation on
 * any page, signed out and signed in as a member, an organizer and an admin (both with the second
 * factor), in Belarusian, English and Polish. Each role signs in once per language and walks its
 * pages (tests/support/a11y-pages.ts) in one browser context; the three languages walk side by
 * side, which keeps the file within a few minutes. In one language per role each page is checked
 * a second time in the dark theme (the system setting, emulated): its colours have their own
 * contrast to keep. Every page is loaded with data in it, so the checks see lists, tables,
 * facets and panels, not only empty states. A failure lists each offending element once, with
 * the pages (and languages) it occurs on.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
/** Each test walks three languages at once; on a busy two-core machine that takes a while. */
const WALK_TIMEOUT = 240_000;
/** The language whose walk also checks the dark theme: a different one per role. */
const DARK: Record<Role['name'], Language> = { visitor: 'be', member: 'pl', organizer: 'en', admin: 'be' };

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
async function sweep({ page, consoleErrors }: OpenedPage, language: Language, visits: Visit[], dark: boolean) {
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
    if (dark) {
      await page.emulateMedia({ colorScheme: 'dark' });
      findings.push(...(await seriousViolations(page, `${label} (dark)`)));
      await page.emulateMedia({ colorScheme: 'light' });
    }
  }
  return findings;
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
      return sweep(opened, language, role.paths(world, cast), DARK[role.name] === language);
    }),
  );
  return report(findings.flat());
}

test('signed-out pages have no serious or critical violation', async () => {
  expect(await walkInEveryLanguage(visitor)).toBe('');
}, WALK_TIMEOUT);

test('a member’s pages have no serious or critical violation', async () => {
  expect(await walkInEveryLanguage(member)).toBe('');
}, WALK_TIMEOUT);

test('an organizer’s pages (with the second factor) have no serious or critical violation', async () => {
  expect(await walkInEveryLanguage(organizer)).toBe('');
}, WALK_TIMEOUT);

test('an admin’s pages (with the second factor) have no serious or critical violation', async () => {
  expect(await walkInEveryLanguage(admin)).toBe('');
}, WALK_TIMEOUT);
