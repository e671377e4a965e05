import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser, openProfile } from '../support/factories';
import { decodeHtml, signInAs, translation, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Shortlists over HTTP, with the real app: an organizer signed in with the second factor adds a
 * member from the add page, keeps notes, and downloads a CSV that holds only the members who
 * accepted their contact — with a byte order mark, a translated header, formulas defused and
 * headers that make it a private download. Bad input gets translated errors, never a 500; a
 * plain member and another organizer get nothing.
 */
const running = useSelfHostedApp();
let organizer: Identity;
let browser: HttpClient;

const en = (key: string) => translation('en', key);
const sql = () => running.database.sql;

beforeAll(async () => {
  organizer = await createUser(sql(), { roles: ['organizer'] });
  await sql()`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId} and role = 'organizer'`;
  const secret = await giveVerifiedFactor(sql(), organizer.userId);
  browser = await signInWithSecondFactor(running.app.url, organizer.email, secret, { language: 'en' });
});

async function openMember(displayName: string) {
  const member = await createUser(sql(), { displayName });
  await openProfile(sql(), member.userId, { identity: 'organizers', skills: 'organizers' });
  return member;
}

async function contactRequest(memberId: string, status: 'accepted' | 'pending' | 'declined') {
  await sql()`
    insert into app.contact_requests (organizer_id, member_id, message, status, answered_at)
    values (${organizer.userId}, ${memberId}, 'We need translators.', ${status}, ${status === 'pending' ? null : new Date()})`;
}

/** Adds a member through the add page, to a new list or a given one; returns the list id. */
async function addThroughPage(memberId: string, fields: Record<string, string>) {
  const page = await browser.postForm(`/organizer/shortlists/add?member=${memberId}`, { memberId, ...fields });
  expect(page.status).toBe(302);
  const match = /^\/organizer\/shortlists\/([0-9a-f-]{36})\?added=1$/.exec(page.location ?? '');
  expect(match).not.toBeNull();
  return match![1]!;
}

/** The CSV as raw bytes: fetch's text() would swallow the byte order mark. */
async function downloadCsv(listId: string) {
  const response = await fetch(new URL(`/organizer/shortlists/${listId}/export`, browser.origin), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Cookie: `talaka_session=${browser.cookie('talaka_session')}`,
      Origin: browser.origin,
      'Accept-Language': 'en',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: '',
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('an organizer with the second factor', () => {
  it('adds a member from the add page to a new list, with a note, and edits the note', async () => {
    const member = await openMember('Ales');
    const form = await browser.get(`/organizer/shortlists/add?member=${member.userId}`);
    expect(form.status).toBe(200);
    const text = decodeHtml(form.body);
    expect(text).toContain(en('shortlists:add.title'));
    expect(text).toContain(en('shortlists:add.newList'));
    expect(form.body).toContain('href="/organizer/shortlists"');

    const listId = await addThroughPage(member.userId, { listId: 'new', newName: 'Translators', note: 'Speaks Lithuanian' });
    const list = decodeHtml((await browser.get(`/organizer/shortlists/${listId}?added=1`)).body);
    expect(list).toContain('Translators');
    expect(list).toContain('Ales');
    expect(list).toContain('Speaks Lithuanian');
    expect(list).toContain(en('shortlists:notices.added'));

    const saved = await browser.postForm(`/organizer/shortlists/${listId}`, { intent: 'note', memberId: member.userId, note: 'Met in Vilnius' });
    expect(saved.status).toBe(302);
    const [row] = await sql()`select note from app.shortlist_members where shortlist_id = ${listId} and member_id = ${member.userId}`;
    expect(row?.note).toBe('Met in Vilnius');

    const again = decodeHtml((await browser.get(`/organizer/shortlists/add?member=${member.userId}`)).body);
    expect(again).toContain(translation('en', 'shortlists:add.alreadyOn').replace('{{name}}', 'Translators'));
    const index = decodeHtml((await browser.get('/organizer/shortlists')).body);
    expect(index).toContain('Translators');
    expect(index).toContain('1 member');
  });

  it('downloads a CSV of accepted members only: BOM, translated header, formulas defused, private headers', async () => {
    const accepted = await openMember('Ціханоўская');
    const pending = await openMember('Pending Person');
    const declined = await openMember('Declined Person');
    await sql()`update app.profiles set city_id = 'vilnius' where id = ${accepted.userId}`;
    await sql()`insert into app.contact_channels (profile_id, kind, value) values (${accepted.userId}, 'signal', 'hanna.01')`;
    const listId = await addThroughPage(accepted.userId, { listId: 'new', newName: 'Export', note: '=HYPERLINK("https://evil.example")' });
    for (const member of [pending, declined]) await addThroughPage(member.userId, { listId, note: 'not exported' });
    await contactRequest(accepted.userId, 'accepted');
    await contactRequest(pending.userId, 'pending');
    await contactRequest(declined.userId, 'declined');

    const page = decodeHtml((await browser.get(`/organizer/shortlists/${listId}`)).body);
    expect(page).toContain(translation('en', 'shortlists:export.omitted_other').replace('{{count}}', '2'));
    expect(page).toContain(translation('en', 'shortlists:export.included_one').replace('{{count}}', '1'));

    const { response, bytes } = await downloadCsv(listId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="shortlist-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(['name', 'email', 'telegram', 'signal', 'phone', 'city', 'note', 'acceptedOn'].map((key) => en(`shortlists:csv.${key}`)).join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Ціханоўская');
    expect(lines[1]).toContain('hanna.01');
    expect(lines[1]).toContain('Vilnius');
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(csv).not.toContain('Pending Person');
    expect(csv).not.toContain('Declined Person');

    const audit = await sql()`select detail from app.audit_events where actor = ${organizer.userId} and action = 'shortlist_export'`;
    expect(audit.map((row) => row.detail)).toContainEqual({ shortlist_id: listId, rows: 1 });
  });

  it('answers the export link opened with GET by going back to the list, exporting nothing', async () => {
    const member = await openMember('Get Only');
    const listId = await addThroughPage(member.userId, { listId: 'new', newName: 'No GET' });
    const page = await browser.get(`/organizer/shortlists/${listId}/export`);
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/organizer/shortlists/${listId}`);
    const audit = await sql()`select 1 from app.audit_events where actor = ${organizer.userId} and detail->>'shortlist_id' = ${listId}`;
    expect(audit).toHaveLength(0);
  });
});

describe('bad input', () => {
  it('gets translated errors and keeps what was typed, never a 500', async () => {
    const member = await openMember('Hanna');
    const noName = await browser.postForm(`/organizer/shortlists/add?member=${member.userId}`, { memberId: member.userId, listId: 'new', newName: '', note: 'kept' });
    expect(noName.status).toBe(400);
    expect(decodeHtml(noName.body)).toContain(en('shortlists:errors.nameRequired'));
    expect(decodeHtml(noName.body)).toContain('kept');

    const longNote = await browser.postForm(`/organizer/shortlists/add?member=${member.userId}`, {
      memberId: member.userId,
      listId: 'new',
      newName: 'Long',
      note: 'n'.repeat(1001),
    });
    expect(longNote.status).toBe(400);
    expect(decodeHtml(longNote.body)).toContain(en('shortlists:errors.noteTooLong'));

    const hidden = await createUser(sql(), { displayName: 'Hidden' });
    const refused = await browser.postForm(`/organizer/shortlists/add?member=${hidden.userId}`, { memberId: hidden.userId, listId: 'new', newName: 'Hidden' });
    expect(refused.status).toBe(404);
    expect(decodeHtml(refused.body)).toContain(en('shortlists:errors.memberNotFound'));
    expect(await sql()`select 1 from app.shortlists where organizer_id = ${organizer.userId} and name = 'Hidden'`).toHaveLength(0);

    const duplicate = await browser.postForm('/organizer/shortlists', { intent: 'create', name: 'Twice' });
    expect(duplicate.status).toBe(302);
    const twice = await browser.postForm('/organizer/shortlists', { intent: 'create', name: 'twice' });
    expect(twice.status).toBe(409);
    expect(decodeHtml(twice.body)).toContain(en('shortlists:errors.nameTaken'));

    for (const [path, fields] of [
      ['/organizer/shortlists', { intent: 'rename', listId: 'garbage', name: 'x' }],
      ['/organizer/shortlists', { intent: 'explode' }],
      [`/organizer/shortlists/add?member=${member.userId}`, { memberId: 'garbage', listId: 'garbage' }],
      [`/organizer/shortlists/${crypto.randomUUID()}`, { intent: 'note', memberId: member.userId, note: 'x' }],
    ] as const) {
      const page = await browser.postForm(path, fields);
      expect([400, 404]).toContain(page.status);
    }
    for (const path of ['/organizer/shortlists/add', '/organizer/shortlists/add?member=%00', '/organizer/shortlists/not-a-uuid', `/organizer/shortlists/${crypto.randomUUID()}`]) {
      const page = await browser.get(path);
      expect(page.status).toBe(404);
      expect(decodeHtml(page.body)).toContain(en('errors.notFound.title'));
    }
    const raw = await browser.postForm('/organizer/shortlists', 'name[10000000]=x');
    expect(raw.status).toBe(400);
  });

  it('over the export quota, the list page says so and the alert is recorded', async () => {
    const member = await openMember('Quota');
    const listId = await addThroughPage(member.userId, { listId: 'new', newName: 'Quota' });
    await sql()`insert into app.audit_events (actor, action, detail, at)
                select ${organizer.userId}, 'shortlist_export', '{}'::jsonb, now() - interval '1 hour' from generate_series(1, 20)`;
    const { response } = await downloadCsv(listId);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(new RegExp(`/organizer/shortlists/${listId}\\?export=quota$`));
    expect(decodeHtml((await browser.get(`/organizer/shortlists/${listId}?export=quota`)).body)).toContain(en('shortlists:export.quotaTitle'));
    expect(await sql()`select 1 from app.audit_events where actor = ${organizer.userId} and action = 'quota_exceeded'`).toHaveLength(1);
    await sql()`delete from app.audit_events where actor = ${organizer.userId} and action = 'shortlist_export' and detail = '{}'::jsonb`;
  });
});

describe('other people', () => {
  it('a plain member gets 403 on every shortlist page', async () => {
    const member = await createUser(sql());
    const memberBrowser = await signInAs(running.app.url, member.email, { language: 'en' });
    const target = await openMember('Target');
    for (const path of ['/organizer/shortlists', `/organizer/shortlists/add?member=${target.userId}`, `/organizer/shortlists/${crypto.randomUUID()}`]) {
      expect((await memberBrowser.get(path)).status).toBe(403);
    }
    const post = await memberBrowser.postForm('/organizer/shortlists', { intent: 'create', name: 'Mine' });
    expect(post.status).toBe(403);
    expect(await sql()`select 1 from app.shortlists where organizer_id = ${member.userId}`).toHaveLength(0);
  });

  it('another organizer gets 404 for the list, its changes and its export', async () => {
    const member = await openMember('Private');
    const listId = await addThroughPage(member.userId, { listId: 'new', newName: 'Private list' });
    const other = await createUser(sql(), { roles: ['organizer'] });
    const secret = await giveVerifiedFactor(sql(), other.userId);
    const otherBrowser = await signInWithSecondFactor(running.app.url, other.email, secret, { language: 'en' });
    const page = await otherBrowser.get(`/organizer/shortlists/${listId}`);
    expect(page.status).toBe(404);
    expect(decodeHtml(page.body)).not.toContain('Private list');
    expect((await otherBrowser.postForm(`/organizer/shortlists/${listId}`, { intent: 'remove', memberId: member.userId })).status).toBe(404);
    expect((await otherBrowser.postForm(`/organizer/shortlists/${listId}/export`, {})).status).toBe(404);
    expect(await sql()`select 1 from app.shortlist_members where shortlist_id = ${listId}`).toHaveLength(1);
  });

  it('an organizer without the second factor is sent to give it', async () => {
    const atAal1 = await signInAs(running.app.url, organizer.email, { language: 'en' });
    const page = await atAal1.get('/organizer/shortlists');
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/auth\/second-factor\?redirectTo=/);
  });
});
