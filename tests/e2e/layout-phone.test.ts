import { beforeAll, expect, test } from 'vitest';
import type { Language } from '../../app/i18n/config';
import { layoutProblems } from '../support/a11y-layout';
import { admin, LOCALES, member, organizer, signIn, visitor, type Role } from '../support/a11y-pages';
import { castFor, createSharedWorld, type Cast, type SharedWorld } from '../support/a11y-world';
import { useBrowser, waitForHydration } from '../support/browser';
import { localeTexts } from '../support/locale-texts';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Issue 8, acceptance 2: every page is usable on a 360 × 740 phone. Signed out and as each role,
 * in every language (Belarusian and Polish words are long), no page scrolls sideways and every
 * control is at least 44 px tall (tests/support/a11y-layout.ts says what counts). The pages are
 * those of the accessibility sweep (tests/support/a11y-pages.ts), loaded with data. A failure
 * lists each problem once, with the pages it occurs on.
 */
const running = useSelfHostedApp();
const browser = useBrowser();
const PHONE = { width: 360, height: 740 };
const LANGUAGES: Language[] = (process.env.LAYOUT_LANGUAGES?.split(',') as Language[] | undefined) ?? ['be', 'pl', 'en'];
const WALK_TIMEOUT = 240_000;

let world: SharedWorld;
const casts = new Map<Language, Cast>();

beforeAll(async () => {
  const { sql, db } = running.database;
  world = await createSharedWorld(sql, db);
  for (const language of LANGUAGES) casts.set(language, await castFor(sql, db, world));
}, 60_000);

/** The role's pages at phone size, the languages side by side; the problems, grouped. */
async function walkOnPhone(role: Role) {
  const found = await Promise.all(
    LANGUAGES.map(async (language) => {
      const cast = casts.get(language)!;
      const { page } = await browser.openPage({ baseURL: running.app.url, locale: LOCALES[language], viewport: PHONE });
      page.setDefaultTimeout(20_000);
      const who = role.signIn?.(cast);
      if (who) await signIn(page, localeTexts(language), who.email, who.secret);
      const problems: { page: string; text: string }[] = [];
      for (const { path } of role.paths(world, cast)) {
        await page.goto(path);
        await waitForHydration(page, 20_000).catch(() => undefined);
        for (const text of await layoutProblems(page)) problems.push({ page: `${language} ${path}`, text });
      }
      return problems;
    }),
  );
  const pages = new Map<string, string[]>();
  for (const { page, text } of found.flat()) pages.set(text, [...(pages.get(text) ?? []), page]);
  return [...pages].map(([text, on]) => `${text}\n    on ${on.join(', ')}`).join('\n');
}

test('signed-out pages fit a phone', async () => {
  expect(await walkOnPhone(visitor)).toBe('');
}, WALK_TIMEOUT);

test('a member’s pages fit a phone', async () => {
  expect(await walkOnPhone(member)).toBe('');
}, WALK_TIMEOUT);

test('an organizer’s pages fit a phone', async () => {
  expect(await walkOnPhone(organizer)).toBe('');
}, WALK_TIMEOUT);

test('an admin’s pages fit a phone', async () => {
  expect(await walkOnPhone(admin)).toBe('');
}, WALK_TIMEOUT);
