import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createLocalStorage } from '../../app/platform/storage/local.server';
import { createMember, veteranOrganizer } from '../support/directory-world';
import { TEST_PASSWORD } from '../support/factories';
import { createFullMember, type FullMember } from '../support/full-member';
import { createClient, decodeHtml, translation, type HttpClient } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * "Download my data" (issue 3, point 6): app.export_my_data() gives the member everything about
 * them — and nothing that would let anyone sign in as them, and nothing of anyone else.
 */

const running = useSelfHostedApp();
const browser = () => createClient(running.app.url, { headers: { 'Accept-Language': 'en', 'User-Agent': 'ExportTest/1.0' } });

let alice: FullMember;
let bob: FullMember;
let aliceBrowser: HttpClient;

beforeAll(async () => {
  const { sql, db } = running.database;
  const storage = createLocalStorage({ db, root: path.join(running.app.dataDir, 'storage') });
  alice = await createFullMember(sql, storage, 'Alesia');
  bob = await createFullMember(sql, storage, 'Barys');
  aliceBrowser = browser();
  for (const member of [alice, bob]) {
    const client = member === alice ? aliceBrowser : browser();
    expect((await client.postForm('/sign-in', { email: member.email, password: TEST_PASSWORD })).status).toBe(302);
    // A mail with a sign-in link (a recovery token) for each of them.
    await client.postForm('/magic-link', { email: member.email });
  }
});

const exportAs = (member: FullMember) =>
  running.database.db.asUser(member, async (tx) => (await tx`select app.export_my_data() as data`)[0]!.data as Record<string, any>);

describe('the export, as the member', () => {
  test('holds the account, roles, every part of the profile, consents, files, sessions and mails', async () => {
    const data = await exportAs(alice);
    expect(data.format_version).toBe(1);
    expect(Date.parse(data.exported_at)).not.toBeNaN();
    expect(data.account).toMatchObject({ id: alice.userId, email: alice.email });
    expect(data.account.email_confirmed_at).toBeTruthy();
    expect(data.account.last_sign_in_at).toBeTruthy();
    expect(data.roles.map((role: { role: string }) => role.role)).toEqual(['member']);
    expect(data.profile).toMatchObject({
      display_name: 'Alesia',
      legal_name: 'Alesia Legal',
      headline: 'Alesia headline',
      bio: 'Alesia bio',
      hours_per_week: 6,
      work_mode: 'remote',
      identity_audience: 'members',
      skills_audience: 'only_me',
      cv_audience: 'only_me',
      photo_path: alice.photoPath,
      cv_path: alice.cvPath,
    });
    expect(data.profile.city_id).toBeTruthy();
    expect(data.profile.languages).toEqual([{ language_code: 'pl', level: 'B2' }]);
    expect(data.profile.skills).toHaveLength(2);
    expect(data.profile.tags).toEqual(['Alesia tag']);
    expect(data.profile.directions).toHaveLength(1);
    expect(data.contact_channels).toEqual([{ kind: 'telegram', value: '@Alesia_tg' }]);
  });

  test('lists every consent with its version and times, withdrawn ones included', async () => {
    const { consents } = await exportAs(alice);
    expect(consents).toHaveLength(2);
    const byPurpose = Object.fromEntries(consents.map((consent: { purpose: string }) => [consent.purpose, consent]));
    expect(byPurpose.visible_to_members).toMatchObject({ version: 'v1', withdrawn_at: null });
    expect(byPurpose.visible_to_organizers.version).toBe('v1');
    expect(byPurpose.visible_to_organizers.granted_at).toBeTruthy();
    expect(byPurpose.visible_to_organizers.withdrawn_at).toBeTruthy();
  });

  test('lists the files, sessions and mails without their secrets', async () => {
    const data = await exportAs(alice);
    expect(data.files).toEqual([
      expect.objectContaining({ bucket: 'avatars', name: alice.photoPath, size: 7, content_type: 'image/webp' }),
      expect.objectContaining({ bucket: 'documents', name: alice.cvPath, size: 11, content_type: 'application/pdf' }),
    ]);
    expect(data.sessions).toEqual([expect.objectContaining({ user_agent: 'ExportTest/1.0' })]);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(['created_at', 'not_after', 'refreshed_at', 'user_agent']);
    expect(data.mails).toEqual([expect.objectContaining({ template: 'magic-link', language: 'en' })]);
    expect(Object.keys(data.mails[0]).sort()).toEqual(['created_at', 'language', 'sent_at', 'template']);
  });

  test('contains no password hash, token, session id or mail text anywhere', async () => {
    const { sql } = running.database;
    const text = JSON.stringify(await exportAs(alice));
    const [user] = await sql`select encrypted_password from auth.users where id = ${alice.userId}`;
    const tokens = await sql`select token_hash from auth.one_time_tokens where user_id = ${alice.userId}`;
    const sessions = await sql`select id from auth.sessions where user_id = ${alice.userId}`;
    const mails = await sql`select subject, body_text from app.mail_outbox where to_address = ${alice.email}`;
    const secrets = [
      user!.encrypted_password as string,
      ...tokens.map((row) => row.token_hash as string),
      ...sessions.map((row) => row.id as string),
      ...mails.flatMap((row) => [row.body_text as string, /https?:\/\/\S+/.exec(row.body_text)![0]]),
    ];
    expect(tokens.length).toBeGreaterThan(0);
    expect(sessions.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/encrypted_password|token_hash|body_text/);
  });

  test("contains nothing of another member", async () => {
    const text = JSON.stringify(await exportAs(alice));
    for (const trace of [bob.userId, bob.email, 'Barys', bob.photoPath, bob.cvPath]) expect(text).not.toContain(trace);
  });
});

describe("the export, as an organizer", () => {
  test('holds their shortlists and saved searches, but not who is on a list or the notes about them', async () => {
    const { db, sql } = running.database;
    const organizer = await veteranOrganizer(sql);
    const onTheList = await createMember(sql, { name: 'Ганна Экспартная', skills: { fundraising: 3 } });
    await db.asUser(organizer, async (tx) => {
      const [list] = await tx`select app.create_shortlist('Fundraisers') as id`;
      await tx`select app.add_to_shortlist(${list!.id}::uuid, ${onTheList}::uuid, 'Met her in Vilnius')`;
      await tx`select app.save_search('Fundraisers in Vilnius', ${tx.json({ skills: ['fundraising'], skillMatch: 'any', sort: 'relevance', city: 'vilnius' })}::jsonb, true)`;
    });
    const data = await db.asUser(organizer, async (tx) => (await tx`select app.export_my_data() as data`)[0]!.data as Record<string, any>);
    expect(data.shortlists).toEqual([{ name: 'Fundraisers', members: 1, created_at: expect.any(String) }]);
    expect(data.saved_searches).toEqual([
      { name: 'Fundraisers in Vilnius', filters: expect.objectContaining({ skills: ['fundraising'] }), digest: true, created_at: expect.any(String) },
    ]);
    const text = JSON.stringify(data);
    for (const trace of [onTheList, 'Ганна Экспартная', 'Met her in Vilnius']) expect(text).not.toContain(trace);
    // The member's own export goes on as before, with the two sections empty.
    const own = await exportAs(alice);
    expect(own.shortlists).toEqual([]);
    expect(own.saved_searches).toEqual([]);
    expect(own.profile).toBeTruthy();
  });
});

describe('the export function', () => {
  test('cannot be called by a visitor', async () => {
    const attempt = running.database.db.asAnon((tx) => tx`select app.export_my_data()`);
    await expect(attempt).rejects.toMatchObject({ code: '42501' });
  });
});

describe('over HTTP', () => {
  test('the page explains the file and lists the stored files', async () => {
    const page = await aliceBrowser.get('/account/export');
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    expect(text).toContain(translation('en', 'account:export.title'));
    expect(text).toContain(translation('en', 'account:export.submit'));
    expect(text).toContain(translation('en', 'account:export.fileKinds.documents'));
    expect(page.body).toMatch(/<form[^>]*method="post"[^>]*action="\/account\/export\/download"/);
  });

  test('"Download my data" answers with a JSON attachment that is never cached', async () => {
    const page = await aliceBrowser.postForm('/account/export/download', {});
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.headers.get('content-disposition')).toMatch(/^attachment; filename="talaka-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const data = JSON.parse(page.body);
    expect(data.account.email).toBe(alice.email);
    expect(data.profile.display_name).toBe('Alesia');
  });

  test('a visitor is sent to sign in, and a cross-site POST is refused', async () => {
    const visitor = await browser().postForm('/account/export/download', {});
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/sign-in/);
    const forged = await aliceBrowser.postForm('/account/export/download', {}, { headers: { Origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
  });
});
