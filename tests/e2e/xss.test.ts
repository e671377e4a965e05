import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { useBrowser } from '../support/browser';
import { createUser, openProfile } from '../support/factories';
import { XSS_PAYLOADS } from '../support/fuzz-xss';
import { signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent, eventInput, signUp } from '../integration/events-world';

/**
 * T10 (issue 7, acceptance 6): an XSS corpus stored in every free-text field a member or an
 * organizer can fill — display name, legal name, headline, bio, tags, contact channel, organizer
 * application, contact request message, abuse report reason, shortlist name and note, saved
 * search name, event title, description and venue — stored as their owners would (SQL as the
 * owner; the forms' own rules are fuzzed in tests/integration), then every page that shows
 * them opened in Chromium as each viewer: the member, an organizer, an admin.
 *
 * Each payload sets `window.__xss` (or opens a dialog) if it ever runs. The assertions: the flag
 * stays unset, no dialog opens, no Content-Security-Policy violation is reported (an injected
 * inline handler would be blocked by the CSP and reported), no link with a `javascript:` address
 * exists, and the payload is shown as text.
 */

const running = useSelfHostedApp();
const browser = useBrowser();

type Viewer = 'member' | 'organizer' | 'admin';
type World = { payload: string; member: Identity; eventId: string; shortlistId: string };

let organizer: Identity & { secret: string };
let admin: Identity & { secret: string };
const worlds: World[] = [];
const sessions = new Map<string, HttpClient>();

/** Long enough for the fields with a minimum length, and still the payload itself. */
const padded = (payload: string, words: string) => `${words} ${payload}`;

beforeAll(async () => {
  const sql = running.database.sql;
  organizer = { ...(await createUser(sql, { roles: ['organizer'], displayName: 'Organizer Ala' })), secret: '' };
  organizer.secret = await giveVerifiedFactor(sql, organizer.userId);
  admin = { ...(await createUser(sql, { roles: ['admin'], displayName: 'Admin Ales' })), secret: '' };
  admin.secret = await giveVerifiedFactor(sql, admin.userId);

  for (const payload of XSS_PAYLOADS) {
    const member = await createUser(sql, { displayName: payload });
    await sql`update app.profiles set headline = ${payload}, bio = ${padded(payload, 'About me:')}, legal_name = ${payload}, city_id = 'warsaw'
              where id = ${member.userId}`;
    await sql`insert into app.profile_tags (profile_id, tag) values (${member.userId}, ${payload.trim()})`;
    await sql`insert into app.contact_channels (profile_id, kind, value) values (${member.userId}, 'telegram', ${payload})`;
    await openProfile(sql, member.userId, { identity: 'members', bio: 'members', skills: 'members', legal_name: 'organizers' });
    await sql`insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status)
              values (${member.userId}, ${payload}, ${payload}, ${padded(payload, 'I would like to help the diaspora:')}, ${padded(payload, 'Ref:')}, 'pending')`;
    const [request] = await sql`
      insert into app.contact_requests (organizer_id, member_id, message, status, answered_at)
      values (${organizer.userId}, ${member.userId}, ${payload}, 'accepted', now()) returning id`;
    await sql`insert into app.abuse_reports (reporter_id, organizer_id, request_id, message, reason)
              values (${member.userId}, ${organizer.userId}, ${request!.id}, ${payload}, ${payload})`;
    const [list] = await sql`insert into app.shortlists (organizer_id, name) values (${organizer.userId}, ${payload.trim()}) returning id`;
    await sql`insert into app.shortlist_members (shortlist_id, member_id, note) values (${list!.id}, ${member.userId}, ${payload.trim()})`;
    await running.database.db.asUser(organizer, (tx) =>
      tx`select app.save_search(${payload.trim()}, ${tx.json({ q: payload, skills: [], skillMatch: 'any' })}::jsonb, false)`,
    );
    const eventId = await createEvent(
      running.database.db,
      organizer,
      eventInput({ titles: { en: payload, be: payload, pl: payload }, descriptions: { en: payload }, venueAddress: payload, capacity: 50 }),
    );
    await signUp(running.database.db, member, eventId);
    worlds.push({ payload, member, eventId, shortlistId: list!.id as string });
  }
}, 120_000);

async function session(viewer: Viewer, member?: Identity): Promise<HttpClient> {
  const key = viewer === 'member' ? member!.userId : viewer;
  const known = sessions.get(key);
  if (known) return known;
  const client =
    viewer === 'member'
      ? await signInAs(running.app.url, member!.email, { language: 'en' })
      : await signInWithSecondFactor(running.app.url, (viewer === 'admin' ? admin : organizer).email, (viewer === 'admin' ? admin : organizer).secret, { language: 'en' });
  sessions.set(key, client);
  return client;
}

/** A browser context carrying the HTTP client's session cookie. */
async function contextFor(client: HttpClient, context: BrowserContext) {
  const value = client.cookie('talaka_session');
  if (!value) throw new Error('no session cookie');
  await context.addCookies([{ name: 'talaka_session', value, url: running.app.url }]);
}

type Findings = { dialogs: string[]; violations: string[] };

/** Opens the page and checks that nothing ran; returns the page's visible text. */
async function openAndCheck(page: Page, findings: Findings, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState('load');
  // Give handlers (onerror of a broken image, onload, ontoggle) the time to fire.
  await page.waitForTimeout(100);
  const state = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    javascriptLinks: [...document.querySelectorAll('a[href], iframe[src], form[action]')]
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '')
      .filter((address) => /^\s*javascript:/i.test(address)),
    injected: document.querySelectorAll('img[src="x"], svg[onload], details[ontoggle], iframe[src^="javascript"]').length,
    text: document.body.innerText,
  }));
  expect(state.flag, `${path}: a payload ran`).toBeUndefined();
  expect(state.javascriptLinks, `${path}: a javascript: address`).toEqual([]);
  expect(state.injected, `${path}: payload markup became elements`).toBe(0);
  expect(findings.dialogs, `${path}: a dialog opened`).toEqual([]);
  expect(findings.violations, `${path}: a CSP violation`).toEqual([]);
  return state.text;
}

/** What each viewer opens, and which pages must show the payload as text. */
function pagesFor(viewer: Viewer, world: World): { path: string; shows: boolean }[] {
  if (viewer === 'member')
    return [
      { path: '/account/profile', shows: false },
      { path: '/account/profile/identity', shows: false },
      { path: '/account/profile/about', shows: false },
      { path: '/account/profile/contact', shows: false },
      { path: '/account/requests', shows: true },
      { path: '/account/viewers', shows: false },
      { path: '/organizer/apply', shows: true },
      { path: `/events/${world.eventId}`, shows: true },
      { path: '/events', shows: true },
      { path: `/people/${world.member.userId}`, shows: true },
    ];
  if (viewer === 'organizer')
    return [
      { path: `/people/${world.member.userId}`, shows: true },
      { path: '/organizer/shortlists', shows: true },
      { path: `/organizer/shortlists/${world.shortlistId}`, shows: true },
      { path: '/organizer/saved-searches', shows: true },
      { path: '/organizer/requests', shows: true },
      { path: `/events/${world.eventId}`, shows: true },
      { path: `/events/${world.eventId}/attendees`, shows: true },
      { path: `/events/${world.eventId}/edit`, shows: false },
      { path: '/directory', shows: false },
    ];
  return [
    { path: '/admin', shows: true },
    { path: '/admin/alerts', shows: false },
    { path: '/admin/audit', shows: false },
  ];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ');

test('the corpus is live: written into a page as HTML, without our CSP, its payloads do run', async () => {
  const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const live = ['<script>__xss=1</script>', '"><img src=x onerror=__xss=1>', '<svg onload=__xss=1>', '<details open ontoggle=__xss=1>'];
  for (const payload of live) {
    await page.setContent(`<!DOCTYPE html><body><div title="">${payload}</div></body>`);
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), payload).toBe(1);
  }
  await page.setContent(`<!DOCTYPE html><body>${XSS_PAYLOADS[2]}</body>`);
  await page.waitForTimeout(150);
  expect(dialogs).toEqual(['1']);
});

describe.each(['member', 'organizer', 'admin'] as const)('as the %s', (viewer) => {
  test('no stored payload runs, and each is shown as text', async () => {
    const { page } = await browser.openPage({ baseURL: running.app.url, locale: 'en-GB' });
    const findings: Findings = { dialogs: [], violations: [] };
    page.on('dialog', (dialog) => {
      findings.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) findings.violations.push(message.text().split('\n')[0]!);
    });
    const shared = viewer === 'member' ? [] : pagesFor(viewer, worlds[0]!).filter((entry) => !entry.path.includes(worlds[0]!.eventId) && !entry.path.includes(worlds[0]!.member.userId) && !entry.path.includes(worlds[0]!.shortlistId));
    if (viewer !== 'member') await contextFor(await session(viewer), page.context());

    for (const world of worlds) {
      if (viewer === 'member') {
        await page.context().clearCookies();
        await contextFor(await session('member', world.member), page.context());
      }
      const own = pagesFor(viewer, world).filter((entry) => !shared.includes(entry));
      for (const { path, shows } of viewer === 'member' || world === worlds[0] ? [...own, ...shared] : own) {
        const text = normalize(await openAndCheck(page, findings, path));
        if (!shows) continue;
        const literal = normalize(world.payload.trim());
        if (shared.some((entry) => entry.path === path)) {
          // A list of every world's rows: each payload is there as text.
          for (const other of worlds) expect(text, `${path} shows ${other.payload} literally`).toContain(normalize(other.payload.trim()));
        } else {
          expect(text, `${path} shows ${world.payload} literally`).toContain(literal);
        }
      }
    }
  }, 600_000);
});
