import { beforeAll, describe, expect, test } from 'vitest';
import { useBrowser, waitForHydration } from '../support/browser';
import { createUser, openProfile } from '../support/factories';
import { signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent } from '../integration/events-world';

/**
 * T14: no tracker, font service, CDN or anything else hears about a visitor. Chromium opens the
 * main pages in each language, as a visitor, a member and an organizer with the second factor,
 * and every request it makes (documents, scripts, styles, images, fetches, late prefetches) goes
 * to the app's own origin. A CSP violation would show up as a console error, and none may.
 */

const running = useSelfHostedApp();
const browser = useBrowser();

const LANGUAGES = [
  { language: 'be', locale: 'be-BY' },
  { language: 'en', locale: 'en-GB' },
  { language: 'pl', locale: 'pl-PL' },
] as const;

type Who = 'visitor' | 'member' | 'organizer';

let eventId = '';
const sessions: Partial<Record<Who, HttpClient>> = {};

beforeAll(async () => {
  const sql = running.database.sql;
  const organizer = await createUser(sql, { roles: ['organizer'], displayName: 'Арганізатарка Тэст' });
  await sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId}`;
  sessions.organizer = await signInWithSecondFactor(running.app.url, organizer.email, await giveVerifiedFactor(sql, organizer.userId));
  const member = await createUser(sql, { displayName: 'Сябра Тэст' });
  await openProfile(sql, member.userId, { identity: 'organizers', skills: 'organizers' });
  sessions.member = await signInAs(running.app.url, member.email);
  eventId = await createEvent(running.database.db, organizer);
});

const pages = (): Array<{ who: Who; path: string }> => [
  { who: 'visitor', path: '/' },
  { who: 'visitor', path: '/sign-in' },
  { who: 'visitor', path: '/sign-up' },
  { who: 'visitor', path: '/privacy' },
  { who: 'member', path: '/events' },
  { who: 'member', path: `/events/${eventId}` },
  { who: 'member', path: '/account' },
  { who: 'member', path: '/account/profile' },
  { who: 'member', path: '/account/profile/identity' },
  { who: 'organizer', path: '/directory' },
];

describe.each(LANGUAGES)('in $language', ({ language, locale }) => {
  test('every request of the main pages goes to the app itself, and no CSP violation is reported', async () => {
    const visited: string[] = [];
    for (const { who, path } of pages()) {
      const { page, requests, consoleErrors } = await browser.openPage({ baseURL: running.app.url, locale });
      const session = sessions[who as Exclude<Who, 'visitor'>]?.cookie('talaka_session');
      if (session) await page.context().addCookies([{ name: 'talaka_session', value: session, url: running.app.url }]);

      const response = await page.goto(path);
      expect(response?.status(), `${who} ${path}`).toBe(200);
      expect(await page.getAttribute('html', 'lang'), `${who} ${path}`).toBe(language);
      // Generous: the machine is shared, and a page that never hydrates still fails.
      await waitForHydration(page, 30_000);
      // Late requests (route discovery, prefetches on hover or render) count too.
      await page.waitForLoadState('networkidle');

      expect(requests.length, path).toBeGreaterThan(1);
      const elsewhere = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== running.app.url);
      expect(elsewhere, `${who} ${path}`).toEqual([]);
      expect(consoleErrors.filter((error) => /Content Security Policy|Refused to/i.test(error)), `${who} ${path}`).toEqual([]);
      visited.push(path);
      await page.context().close();
    }
    expect(visited).toHaveLength(pages().length);
  });
});
