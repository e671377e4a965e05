import { beforeAll, describe, expect, test } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser, openProfile } from '../support/factories';
import { decodeHtml, inputValues, translation, type HttpClient, signInAs } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * "How to reach you" (issue 3, point 3: contact channels are never shown to anyone but the
 * member until the organizers' contact flow opens them), over HTTP without JavaScript: the step
 * between availability and who sees what, each channel stored in one normal form, an emptied
 * field removing its row, refusals translated with what was typed kept — and nobody else reading
 * them, neither from the tables nor on the member's page with every part of it opened.
 */

const running = useSelfHostedApp();
type Language = 'be' | 'en' | 'pl';

const signIn = (user: Identity, language: Language = 'en') => signInAs(running.app.url, user.email, { language });

async function signedIn(language: Language = 'en') {
  const user = await createUser(running.database.sql, { displayName: 'Kvitka' });
  return { user, client: await signIn(user, language) };
}

const channelsOf = async (userId: string) =>
  running.database.sql`select kind, value from app.contact_channels where profile_id = ${userId} order by kind`;

/** As typed by the member, and as stored. */
const TYPED = { email: ' Kvitka.Contact@example.org ', telegram: 'https://t.me/kvitka_22', signal: '@kvitka.07', phone: '+48 601-234 567' };
const STORED = [
  { kind: 'email', value: 'Kvitka.Contact@example.org' },
  { kind: 'telegram', value: '@kvitka_22' },
  { kind: 'signal', value: 'kvitka.07' },
  { kind: 'phone', value: '+48601234567' },
];
/** Pieces of every value, typed or stored (none in the page's own examples): none may reach anyone else. */
const TRACES = ['Kvitka.Contact', 'kvitka.contact', 'kvitka_22', 'kvitka.07', '601234567', '601-234', '601 234'];

describe('the contact step', () => {
  test.each(['be', 'en', 'pl'] as const)('in %s it comes after availability and says plainly who sees what is entered', async (language) => {
    const { client } = await signedIn(language);
    const availability = await client.postForm('/account/profile/availability', { hoursPerWeek: '4' });
    expect(availability.location).toBe('/account/profile/contact?saved=availability');

    const page = decodeHtml((await client.get(availability.location!)).body);
    for (const key of ['steps.contact', 'contact.privateTitle', 'contact.private', 'contact.advice', 'contact.signalHint']) {
      expect([key, page.includes(translation(language, `profile:${key}`))]).toEqual([key, true]);
    }
    expect(page).toContain(translation(language, 'profile:editor.stepOf').replace('{{number}}', '8').replace('{{total}}', '9'));
    expect(page).toContain(translation(language, 'profile:editor.saveAndContinue'));
  });

  test('saving stores each channel in its normal form and goes on to who sees what', async () => {
    const { user, client } = await signedIn();
    const saved = await client.postForm('/account/profile/contact', TYPED);
    expect([saved.status, saved.location]).toEqual([302, '/account/profile/visibility?saved=contact']);
    expect(await channelsOf(user.userId)).toEqual(STORED);

    // The step shows the member what is stored.
    const page = await client.get('/account/profile/contact');
    expect(inputValues(page.body)).toMatchObject(Object.fromEntries(STORED.map(({ kind, value }) => [kind, value])));
  });

  test('an emptied field removes its channel; all empty removes them all', async () => {
    const { user, client } = await signedIn();
    await client.postForm('/account/profile/contact', TYPED);
    await client.postForm('/account/profile/contact', { ...TYPED, telegram: '', phone: '   ' });
    expect((await channelsOf(user.userId)).map((row) => row.kind)).toEqual(['email', 'signal']);

    const cleared = await client.postForm('/account/profile/contact', { email: '', telegram: '', signal: '', phone: '' });
    expect(cleared.status).toBe(302);
    expect(await channelsOf(user.userId)).toEqual([]);
  });

  test('the overview marks them private, names the kinds given without their values, and does not count them', async () => {
    const { client } = await signedIn('pl');
    await client.postForm('/account/profile/contact', { signal: 'kvitka.07', email: 'kvitka.contact@example.org' });
    const page = decodeHtml((await client.get('/account/profile')).body);
    expect(page).toContain(translation('pl', 'profile:overview.privateBadge'));
    expect(page).toContain(translation('pl', 'profile:overview.contactPrivate'));
    const kinds = ['email', 'signal'].map((kind) => translation('pl', `profile:contact.kinds.${kind}`)).join(', ');
    expect(page).toContain(translation('pl', 'profile:overview.contactGiven').replace('{{kinds}}', kinds));
    expect(page).toContain(translation('pl', 'profile:overview.completeness').replace('{{done}}', '1').replace('{{total}}', '7'));
    for (const trace of TRACES) expect(page).not.toContain(trace);
  });
});

describe('refused values', () => {
  const WRONG = { email: 'kvitka@', telegram: '@kv', signal: 'kvitka', phone: '0048 600 123 456' };

  test.each(['be', 'en', 'pl'] as const)('are said in %s, keep what was typed and change nothing stored', async (language) => {
    const { user, client } = await signedIn(language);
    await client.postForm('/account/profile/contact', TYPED);

    const page = await client.postForm('/account/profile/contact', WRONG);
    expect(page.status).toBe(400);
    const shown = decodeHtml(page.body);
    for (const key of ['emailInvalid', 'telegramInvalid', 'signalInvalid', 'phoneInvalid']) {
      expect([key, shown.includes(translation(language, `profile:errors.${key}`))]).toEqual([key, true]);
    }
    expect(shown).toContain(translation(language, 'profile:editor.fixErrors'));
    expect(inputValues(page.body)).toMatchObject(WRONG);
    expect(await channelsOf(user.userId)).toEqual(STORED);
  });

  test('one wrong field among right ones saves none of them', async () => {
    const { user, client } = await signedIn();
    const page = await client.postForm('/account/profile/contact', { ...TYPED, phone: '+48 600' });
    expect(page.status).toBe(400);
    expect(decodeHtml(page.body)).toContain(translation('en', 'profile:errors.phoneInvalid'));
    expect(inputValues(page.body)).toMatchObject({ telegram: TYPED.telegram, signal: TYPED.signal, phone: '+48 600' });
    expect(await channelsOf(user.userId)).toEqual([]);
  });
});

describe('nobody else reads them', () => {
  let owner: Identity;
  let member: Identity;
  let organizer: Identity;
  let memberBrowser: HttpClient;
  let organizerBrowser: HttpClient;

  beforeAll(async () => {
    const sql = running.database.sql;
    owner = await createUser(sql, { displayName: 'Kvitka Open' });
    await sql`
      update app.profiles
      set headline = 'Archivist', bio = 'Everything opened', city_id = 'warsaw', hours_per_week = 3,
          photo_path = ${`${owner.userId}/photo0123456789`}, cv_path = ${`${owner.userId}/cv0123456789ab`}
      where id = ${owner.userId}`;
    // Every part as open as it can be: to all members, the capped ones to organizers.
    await openProfile(sql, owner.userId, { identity: 'members', skills: 'members', bio: 'members', photo: 'members', legal_name: 'organizers', cv: 'organizers' });
    expect((await (await signIn(owner)).postForm('/account/profile/contact', TYPED)).status).toBe(302);

    member = await createUser(sql);
    // A second factor too: the strongest session an organizer can have.
    organizer = { ...(await createUser(sql, { roles: ['organizer'] })), aal: 'aal2' };
    memberBrowser = await signIn(member);
    organizerBrowser = await signIn(organizer, 'be');
  });

  test('another member and an organizer get no row from the table, and cannot write one', async () => {
    for (const actor of [member, organizer]) {
      const rows = await running.database.db.asUser(actor, (tx) => tx`select kind, value from app.contact_channels`);
      expect(rows).toEqual([]);
      const changed = await running.database.db.asUser(actor, (tx) => tx`update app.contact_channels set value = 'taken over' where profile_id = ${owner.userId}`);
      expect(changed.count).toBe(0);
      const removed = await running.database.db.asUser(actor, (tx) => tx`delete from app.contact_channels where profile_id = ${owner.userId}`);
      expect(removed.count).toBe(0);
      await expect(
        running.database.db.asUser(actor, (tx) => tx`insert into app.contact_channels (profile_id, kind, value) values (${owner.userId}, 'email', 'x@example.org')`),
      ).rejects.toMatchObject({ code: '42501' });
    }
    expect(await channelsOf(owner.userId)).toEqual(STORED);
  });

  test('app.profile_for_viewer gives them to nobody', async () => {
    for (const actor of [member, organizer]) {
      const [row] = await running.database.db.asUser(actor, (tx) => tx`select app.profile_for_viewer(${owner.userId}) as profile`);
      const profile = JSON.stringify(row!.profile);
      expect(profile).toContain('Kvitka Open');
      for (const trace of TRACES) expect(profile).not.toContain(trace);
    }
  });

  test('the member page shows every opened part but not one of the values, to a member or an organizer', async () => {
    for (const browser of [memberBrowser, organizerBrowser]) {
      const page = await browser.get(`/people/${owner.userId}`);
      expect(page.status).toBe(200);
      const html = decodeHtml(page.body);
      expect(html).toContain('Everything opened');
      for (const trace of TRACES) expect([trace, html.includes(trace)]).toEqual([trace, false]);
    }
  });

  test('their own contact step shows them only their own channels', async () => {
    const page = decodeHtml((await memberBrowser.get('/account/profile/contact')).body);
    expect(page).toContain(translation('en', 'profile:contact.private'));
    for (const trace of TRACES) expect(page).not.toContain(trace);
  });

  test('the export holds them, as stored', async () => {
    const download = await (await signIn(owner)).postForm('/account/export/download', {});
    expect(download.status).toBe(200);
    expect(JSON.parse(download.body).contact_channels).toEqual(STORED);
  });
});
