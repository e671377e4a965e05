import { beforeAll, describe, expect, test } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser, openProfile, type ProfileAudiences } from '../support/factories';
import { createClient, decodeHtml, translation, type HttpClient, signInAs } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * Another member's profile page, "hide my profile now" and the account page, over HTTP without
 * JavaScript. The page shows exactly the parts opened to the viewer; everything else — a hidden
 * profile, an unknown id, a malformed one — is the same 404.
 */

const running = useSelfHostedApp();
type Language = 'be' | 'en' | 'pl';

const signIn = (user: Identity, language: Language = 'en') => signInAs(running.app.url, user.email, { language });

/** A member with every part filled in, opened as asked. */
async function member(audiences: ProfileAudiences) {
  const sql = running.database.sql;
  const user = await createUser(sql, { displayName: 'Ales Bialacki' });
  await sql`
    update app.profiles
    set legal_name = 'Secret Legal Name', headline = 'Archivist', bio = 'Bio that only I may read',
        city_id = 'warsaw', hours_per_week = 3, work_mode = 'on_site',
        photo_path = ${`${user.userId}/photo0123456789`}, cv_path = ${`${user.userId}/cv0123456789ab`}
    where id = ${user.userId}`;
  await sql`insert into app.profile_skills (profile_id, skill_id, level, years) values (${user.userId}, 'criminal-law', 4, 12)`;
  await sql`insert into app.profile_languages (profile_id, language_code, level) values (${user.userId}, 'lt', 'B1')`;
  await sql`insert into app.contact_channels (profile_id, kind, value) values (${user.userId}, 'telegram', '@hidden_handle')`;
  await openProfile(sql, user.userId, audiences);
  return user;
}

const main = (html: string) => decodeHtml(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '');

let viewer: HttpClient;
let organizer: HttpClient;
beforeAll(async () => {
  viewer = await signIn(await createUser(running.database.sql));
  // Organizer parts need the second factor: sign in as an organizer works, password then code.
  const organizerUser = await createUser(running.database.sql, { roles: ['organizer'] });
  const secret = await giveVerifiedFactor(running.database.sql, organizerUser.userId);
  organizer = await signInWithSecondFactor(running.app.url, organizerUser.email, secret, { language: 'pl' });
});

describe('the member page', () => {
  test('shows another member exactly the parts opened to members, named in their language', async () => {
    const owner = await member({ identity: 'members', skills: 'members', legal_name: 'organizers', photo: 'members' });
    const page = await viewer.get(`/people/${owner.userId}`);
    expect(page.status).toBe(200);
    const shown = main(page.body);
    for (const seen of ['Ales Bialacki', 'Archivist', 'Criminal law', 'Warsaw, Poland', 'Lithuanian', `/files/photo/${owner.userId}`]) {
      expect(shown).toContain(seen);
    }
    expect(shown).toContain(translation('en', 'profile:skillLevels.4'));
    for (const hidden of ['Secret Legal Name', 'Bio that only I may read', '@hidden_handle', owner.email, 'cv0123456789ab', '/files/cv/']) {
      expect(page.body).not.toContain(hidden);
    }
  });

  test('shows an organizer what was opened to organizers too, in Polish', async () => {
    const owner = await member({ identity: 'members', skills: 'organizers', legal_name: 'organizers' });
    const shown = main((await organizer.get(`/people/${owner.userId}`)).body);
    for (const seen of ['Ales Bialacki', 'Secret Legal Name', 'Prawo karne', 'Warszawa, Polska', 'Litewski']) expect(shown).toContain(seen);
    expect(shown).not.toContain('Bio that only I may read');
    // No photo opened: the generated avatar stands in, never the photo route.
    expect(shown).toContain(`/files/avatar/${owner.userId}`);
    expect(shown).not.toContain('/files/photo/');

    const byMember = main((await viewer.get(`/people/${owner.userId}`)).body);
    expect(byMember).not.toContain('Secret Legal Name');
    expect(byMember).not.toContain('Criminal law');
  });

  test('a hidden profile, an unknown id and a malformed one are the same 404', async () => {
    const owner = await member({});
    const pages = await Promise.all(
      [owner.userId, crypto.randomUUID(), 'not-a-uuid', `${owner.userId}x`, '%00'].map((id) => viewer.get(`/people/${id}`)),
    );
    expect(pages.map((page) => page.status)).toEqual([404, 404, 404, 404, 404]);
    const bodies = new Set(pages.map((page) => main(page.body)));
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain(translation('en', 'errors.notFound.title'));
  });

  test('a visitor is sent to sign in and learns nothing', async () => {
    const owner = await member({ identity: 'members' });
    const page = await createClient(running.app.url).get(`/people/${owner.userId}`);
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/people/${owner.userId}`)}`);
  });
});

describe('hide my profile now', () => {
  test('one POST hides every part from everyone and confirms it on the page it came from', async () => {
    const owner = await member({ identity: 'members', skills: 'members', bio: 'members', photo: 'members', legal_name: 'organizers' });
    const client = await signIn(owner, 'be');
    expect((await viewer.get(`/people/${owner.userId}`)).status).toBe(200);

    const page = await client.get('/account/profile');
    expect(decodeHtml(page.body)).toContain(translation('be', 'profile:hide.button'));
    const hidden = await client.postForm('/account/hide', { redirectTo: '/account/profile' });
    expect(hidden.status).toBe(302);
    expect(hidden.location).toBe('/account/profile?hidden=1');
    expect(decodeHtml((await client.get(hidden.location!)).body)).toContain(translation('be', 'profile:hide.done'));

    const [row] = await running.database.sql`
      select identity_audience, legal_name_audience, skills_audience, bio_audience, photo_audience, cv_audience
      from app.profiles where id = ${owner.userId}`;
    expect(new Set(Object.values(row!))).toEqual(new Set(['only_me']));
    expect((await viewer.get(`/people/${owner.userId}`)).status).toBe(404);
    expect((await organizer.get(`/people/${owner.userId}`)).status).toBe(404);
    // The owner still sees all of it.
    expect(main((await client.get(`/people/${owner.userId}`)).body)).toContain('Bio that only I may read');
  });

  test('never sends anyone to another site, and a GET changes nothing', async () => {
    const owner = await member({ identity: 'members' });
    const client = await signIn(owner);
    expect((await client.get('/account/hide')).location).toBe('/account');
    expect((await viewer.get(`/people/${owner.userId}`)).status).toBe(200);
    for (const target of ['//evil.example/x', 'https://evil.example', '\\\\evil']) {
      expect((await client.postForm('/account/hide', { redirectTo: target })).location).toBe('/account?hidden=1');
    }
    expect((await viewer.get(`/people/${owner.userId}`)).status).toBe(404);
  });

  test('a cross-site POST is refused', async () => {
    const owner = await member({ identity: 'members' });
    const client = await signIn(owner);
    const forged = await client.postForm('/account/hide', {}, { headers: { Origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect((await viewer.get(`/people/${owner.userId}`)).status).toBe(200);
  });
});

describe('the account page', () => {
  test.each(['be', 'en', 'pl'] as const)('in %s: profile in brief, safety actions and sign-out', async (language) => {
    const user = await createUser(running.database.sql, { displayName: 'Zmicier' });
    const client = await signIn(user, language);
    const page = decodeHtml((await client.get('/account')).body);
    for (const key of ['auth:account.title', 'auth:account.signOut', 'auth:account.signOutEverywhere', 'profile:hide.button', 'profile:account.export', 'profile:account.delete', 'profile:account.files', 'profile:account.editProfile', 'auth:visibility.hidden']) {
      expect([key, page.includes(translation(language, key))]).toEqual([key, true]);
    }
    expect(page).toContain(user.email);
    expect(page).toContain('Zmicier');
    for (const path of ['/account/profile', '/account/files', '/account/export', '/account/delete', '/account/hide']) expect(page).toContain(`"${path}"`);
  });
});
