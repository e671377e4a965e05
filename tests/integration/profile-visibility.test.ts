import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity, Tx } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile, type Audience, type ProfileAudiences } from '../support/factories';

/**
 * Who sees which part of a profile, decided in PostgreSQL and tested as each actor: the owner,
 * another member, a vetted organizer and a visitor. Every profile table is owner-only; others
 * read through app.profile_for_viewer(), part by part; consents gate every audience; "hide me
 * now" closes everything at once, photo files included.
 */

let t: TestDatabase;
let other: Identity;
let organizer: Identity;
beforeAll(async () => {
  t = await createTestDatabase();
  other = await createUser(t.sql);
  organizer = await createUser(t.sql, { roles: ['organizer'] });
});
afterAll(() => t.drop());

const as = <T>(actor: Identity, fn: (tx: Tx) => Promise<T>) => t.db.asUser(actor, fn);
const viewAs = async (actor: Identity, target: string) =>
  (await as(actor, (tx) => tx`select app.profile_for_viewer(${target}) as profile`))[0]!.profile as Record<string, unknown> | null;

/** A member who filled in every part; all of it hidden until a test opens some. */
async function fullMember(audiences: ProfileAudiences = {}) {
  const owner = await createUser(t.sql, { displayName: 'Łucja' });
  const photo = `${owner.userId}/${randomBytes(12).toString('hex')}`;
  await t.sql`
    update app.profiles
    set legal_name = 'Łucja Kowalewska', headline = 'Lawyer', bio = 'Human rights lawyer', city_id = 'warsaw',
        hours_per_week = 5, work_mode = 'remote', photo_path = ${photo}, cv_path = ${`${owner.userId}/cv0123456789`}
    where id = ${owner.userId}`;
  await t.sql`insert into app.profile_skills (profile_id, skill_id, level, years) values (${owner.userId}, 'criminal-law', 3, 4)`;
  await t.sql`insert into app.profile_languages (profile_id, language_code, level) values (${owner.userId}, 'be', 'native')`;
  await t.sql`insert into app.profile_directions (profile_id, direction_id) values (${owner.userId}, 'human-rights')`;
  await t.sql`insert into app.profile_tags (profile_id, tag) values (${owner.userId}, 'samizdat')`;
  await t.sql`insert into app.contact_channels (profile_id, kind, value) values (${owner.userId}, 'signal', '+48 600 000 000')`;
  await openProfile(t.sql, owner.userId, audiences);
  return { ...owner, photo };
}

/** The keys profile_for_viewer returns for each part. */
const keysOf: Record<string, string[]> = {
  identity: ['display_name', 'headline'],
  legal_name: ['legal_name'],
  bio: ['bio'],
  photo: ['has_photo'],
  skills: ['available_from', 'city_id', 'country_code', 'directions', 'hours_per_week', 'languages', 'open_to_relocation', 'skills', 'tags', 'work_mode'],
};
const cases = Object.keys(keysOf).flatMap((part) =>
  (['only_me', 'organizers', 'members'] as Audience[])
    .filter((audience) => !(part === 'legal_name' && audience === 'members'))
    .map((audience) => ({ part, audience })),
);

describe('app.profile_for_viewer, one part opened at a time', () => {
  it.each(cases)('$part open to $audience', async ({ part, audience }) => {
    const owner = await fullMember({ [part]: audience });
    const expected = (seen: boolean) => (seen ? ['id', ...keysOf[part]!].sort() : null);

    const own = await viewAs(owner, owner.userId);
    expect(Object.keys(own!)).toEqual(expect.arrayContaining(['display_name', 'legal_name', 'bio', 'has_photo', 'skills']));

    const byMember = await viewAs(other, owner.userId);
    expect(byMember && Object.keys(byMember).sort()).toEqual(expected(audience === 'members'));

    const byOrganizer = await viewAs(organizer, owner.userId);
    expect(byOrganizer && Object.keys(byOrganizer).sort()).toEqual(expected(audience !== 'only_me'));

    await expect(t.db.asAnon((tx) => tx`select app.profile_for_viewer(${owner.userId})`)).rejects.toMatchObject({ code: '42501' });
  });

  it('returns what was opened, never contact channels nor the CV', async () => {
    const owner = await fullMember({ identity: 'members', skills: 'members', bio: 'members', photo: 'members', cv: 'organizers' });
    const seen = await viewAs(organizer, owner.userId);
    expect(seen).toMatchObject({
      display_name: 'Łucja',
      bio: 'Human rights lawyer',
      has_photo: true,
      city_id: 'warsaw',
      country_code: 'PL',
      skills: [{ id: 'criminal-law', level: 3, years: 4 }],
      languages: [{ code: 'be', level: 'native' }],
      tags: ['samizdat'],
    });
    const text = JSON.stringify(seen);
    for (const secret of ['signal', '+48', 'cv0123456789', 'cv_path', 'photo_path', 'Kowalewska']) expect(text).not.toContain(secret);
  });

  it('answers null alike for a hidden profile and for an id nobody has', async () => {
    const owner = await fullMember();
    expect(await viewAs(other, owner.userId)).toBeNull();
    expect(await viewAs(other, crypto.randomUUID())).toBeNull();
  });

  it('keeps the CV from organizers until a contact request exists', async () => {
    const owner = await fullMember({ cv: 'organizers' });
    const [row] = await as(organizer, (tx) => tx`select app.can_see_part(${owner.userId}, 'cv') as allowed`);
    expect(row!.allowed).toBe(false);
    expect(await viewAs(organizer, owner.userId)).toBeNull();
  });
});

describe('the profile tables themselves', () => {
  const tables = ['profiles', 'profile_languages', 'profile_skills', 'profile_tags', 'profile_directions', 'contact_channels', 'consents'];

  it.each(tables)('%s: another member and an organizer select nothing of an open profile', async (table) => {
    const owner = await fullMember({ identity: 'members', skills: 'members', bio: 'members', photo: 'members' });
    const column = table === 'profiles' ? 'id' : table === 'consents' ? 'user_id' : 'profile_id';
    for (const actor of [other, organizer]) {
      const rows = await as(actor, (tx) => tx`select * from ${tx(`app.${table}`)} where ${tx(column)} = ${owner.userId}`);
      expect(rows).toHaveLength(0);
    }
    const own = await as(owner, (tx) => tx`select * from ${tx(`app.${table}`)} where ${tx(column)} = ${owner.userId}`);
    expect(own.length).toBeGreaterThan(0);
  });

  it.each(tables)('%s: a visitor may not even ask', async (table) => {
    await expect(t.db.asAnon((tx) => tx`select * from ${tx(`app.${table}`)}`)).rejects.toMatchObject({ code: '42501' });
  });

  it('another member cannot change an open profile', async () => {
    const owner = await fullMember({ identity: 'members' });
    const changed = await as(other, (tx) => tx`update app.profiles set display_name = 'Hijacked' where id = ${owner.userId} returning id`);
    expect(changed).toHaveLength(0);
    const removed = await as(organizer, (tx) => tx`delete from app.profile_skills where profile_id = ${owner.userId} returning skill_id`);
    expect(removed).toHaveLength(0);
  });
});

describe('audiences and consent', () => {
  it('the legal name can never be shown to all members, nor the CV', async () => {
    const owner = await fullMember({ identity: 'members' });
    for (const column of ['legal_name_audience', 'cv_audience']) {
      await expect(as(owner, (tx) => tx`update app.profiles set ${tx(column)} = 'members' where id = auth.uid()`)).rejects.toMatchObject({
        code: '23514',
        constraint_name: `profiles_${column}_check`,
      });
    }
  });

  it.each([
    ['members', 'consent:visible_to_members'],
    ['organizers', 'consent:visible_to_organizers'],
  ])('opening a part to %s without consent is refused', async (audience, hint) => {
    const owner = await fullMember();
    await expect(as(owner, (tx) => tx`update app.profiles set bio_audience = ${audience} where id = auth.uid()`)).rejects.toMatchObject({
      code: '23514',
      hint,
    });
    expect(await viewAs(organizer, owner.userId)).toBeNull();
  });

  it('withdrawing a consent hides the parts it opened and keeps the others', async () => {
    const owner = await fullMember({ identity: 'members', bio: 'members', skills: 'organizers' });
    expect(await viewAs(other, owner.userId)).toHaveProperty('bio');

    await as(owner, (tx) => tx`update app.consents set withdrawn_at = now() where user_id = auth.uid() and purpose = 'visible_to_members'`);

    const [profile] = await t.sql`select identity_audience, bio_audience, skills_audience from app.profiles where id = ${owner.userId}`;
    expect(profile).toEqual({ identity_audience: 'only_me', bio_audience: 'only_me', skills_audience: 'organizers' });
    expect(await viewAs(other, owner.userId)).toBeNull();
    expect(Object.keys((await viewAs(organizer, owner.userId))!)).toContain('skills');
  });

  it('a withdrawal is final: the record stays and cannot be reopened', async () => {
    const owner = await fullMember({ identity: 'members' });
    await as(owner, (tx) => tx`update app.consents set withdrawn_at = now() where user_id = auth.uid()`);
    await expect(as(owner, (tx) => tx`update app.consents set withdrawn_at = null where user_id = auth.uid()`)).rejects.toMatchObject({
      hint: 'consent:withdrawn',
    });
    const rows = await t.sql`select purpose, withdrawn_at from app.consents where user_id = ${owner.userId}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.withdrawn_at).toBeInstanceOf(Date);
    await expect(as(owner, (tx) => tx`update app.profiles set identity_audience = 'members' where id = auth.uid()`)).rejects.toMatchObject({
      hint: 'consent:visible_to_members',
    });
  });

  it('a member can withdraw only their own consent', async () => {
    const owner = await fullMember({ identity: 'members' });
    const touched = await as(other, (tx) => tx`update app.consents set withdrawn_at = now() where user_id = ${owner.userId} returning id`);
    expect(touched).toHaveLength(0);
    expect(await viewAs(other, owner.userId)).toHaveProperty('display_name', 'Łucja');
  });
});

describe('hide me now', () => {
  const photoRowsSeenBy = (actor: Identity, name: string) =>
    as(actor, (tx) => tx`select name from storage.objects where bucket_id = 'avatars' and name = ${name}`);

  it('makes every part and the photo file vanish for every other actor at once', async () => {
    const owner = await fullMember({ identity: 'members', legal_name: 'organizers', skills: 'members', bio: 'members', photo: 'members', cv: 'organizers' });
    await as(owner, (tx) => tx`insert into storage.objects (bucket_id, name, owner) values ('avatars', ${owner.photo}, ${owner.userId})`);
    expect(await viewAs(other, owner.userId)).not.toBeNull();
    expect(await viewAs(organizer, owner.userId)).toHaveProperty('legal_name');
    expect(await photoRowsSeenBy(other, owner.photo)).toHaveLength(1);

    await as(owner, (tx) => tx`select app.hide_my_profile()`);

    expect(await viewAs(other, owner.userId)).toBeNull();
    expect(await viewAs(organizer, owner.userId)).toBeNull();
    expect(await photoRowsSeenBy(other, owner.photo)).toHaveLength(0);
    expect(await photoRowsSeenBy(organizer, owner.photo)).toHaveLength(0);
    await expect(t.db.asAnon((tx) => tx`select name from storage.objects where name = ${owner.photo}`)).resolves.toHaveLength(0);
    // The owner still sees everything of their own.
    expect(await photoRowsSeenBy(owner, owner.photo)).toHaveLength(1);
    expect(await viewAs(owner, owner.userId)).toHaveProperty('legal_name', 'Łucja Kowalewska');
  });

  it('hides only the caller: another member calling it changes nothing of anyone else', async () => {
    const owner = await fullMember({ identity: 'members' });
    await as(other, (tx) => tx`select app.hide_my_profile()`);
    expect(await viewAs(organizer, owner.userId)).toHaveProperty('display_name');
  });
});
