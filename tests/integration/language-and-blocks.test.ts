import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailNotifications } from '../../app/modules/notifications/mail-notifications.server';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';

/**
 * Two rules that cut across features (migration 20261129021200): mails speak the language a
 * person last used, and a member who blocked an organizer shows that organizer nothing, with or
 * without their second factor. Also: a contact request to a canary profile is an alert.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;
const languageOf = async (userId: string) => (await t.sql`select app.user_language(${userId}::uuid) as language`)[0]!.language as string;
const remember = (who: Who, language: string) => t.db.asUser(who, (tx) => tx`select app.remember_my_language(${language})`);

describe('the language to write to someone in', () => {
  it('is Belarusian when nothing is known, then the sign-up language, then the one last used', async () => {
    const member = await createUser(t.sql);
    expect(await languageOf(member.userId)).toBe('be');
    await t.sql`update auth.users set raw_user_meta_data = ${t.sql.json({ language: 'pl' })} where id = ${member.userId}`;
    expect(await languageOf(member.userId)).toBe('pl');
    await remember(member, 'en');
    expect(await languageOf(member.userId)).toBe('en');
  });

  it('ignores what is not one of the three languages, and writes nothing when unchanged', async () => {
    const member = await createUser(t.sql);
    await remember(member, 'en');
    const [before] = await t.sql`select xmin::text as version from app.profiles where id = ${member.userId}`;
    await remember(member, 'en');
    await remember(member, 'ru');
    await remember(member, "en'; drop table app.profiles; --");
    const [after] = await t.sql`select xmin::text as version, language from app.profiles where id = ${member.userId}`;
    expect(after).toEqual({ version: before!.version, language: 'en' });
  });

  it('is not something a signed-in person can read about others', async () => {
    const member = await createUser(t.sql);
    const other = await createUser(t.sql);
    await expect(t.db.asUser(member, (tx) => tx`select app.user_language(${other.userId}::uuid)`)).rejects.toMatchObject({ code: '42501' });
  });
});

describe('a block', () => {
  async function pair() {
    const organizer = await createUser(t.sql, { roles: ['organizer'], displayName: 'Organizer' });
    const member = await createUser(t.sql, { displayName: 'Janka' });
    await openProfile(t.sql, member.userId, { identity: 'members', skills: 'members', bio: 'members' });
    return { organizer, member };
  }
  const seen = (who: Who, target: string) => t.db.asUser(who, async (tx) => (await tx`select app.profile_for_viewer(${target}::uuid) as p`)[0]!.p);

  it('hides every part from the blocked organizer, with or without the second factor', async () => {
    const { organizer, member } = await pair();
    expect(await seen({ ...organizer, aal: 'aal1' }, member.userId)).toMatchObject({ display_name: 'Janka' });
    await t.sql`insert into app.organizer_blocks (member_id, organizer_id) values (${member.userId}, ${organizer.userId})`;
    expect(await seen({ ...organizer, aal: 'aal1' }, member.userId)).toBeNull();
    expect(await seen(organizer, member.userId)).toBeNull();
    for (const part of ['identity', 'skills', 'bio', 'photo']) {
      const [row] = await t.db.asUser(organizer, (tx) => tx`select app.can_see_part(${member.userId}::uuid, ${part}) as ok`);
      expect(row!.ok).toBe(false);
    }
  });

  it('leaves everyone else as they were', async () => {
    const { organizer, member } = await pair();
    const other = await createUser(t.sql, { roles: ['organizer'] });
    const neighbour = await createUser(t.sql);
    await t.sql`insert into app.organizer_blocks (member_id, organizer_id) values (${member.userId}, ${organizer.userId})`;
    expect(await seen(other, member.userId)).toMatchObject({ display_name: 'Janka' });
    expect(await seen(neighbour, member.userId)).toMatchObject({ display_name: 'Janka' });
    expect(await seen(member, member.userId)).toMatchObject({ display_name: 'Janka' });
  });
});

describe('a contact request to a canary profile', () => {
  it('raises the canary alert and sends no mail to the decoy', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${organizer.userId}`;
    const canary = await createUser(t.sql, { displayName: 'Decoy', email: `canary-${Date.now()}@canary.invalid` });
    await openProfile(t.sql, canary.userId, { identity: 'organizers', skills: 'organizers' });
    await t.sql`update app.profiles set is_canary = true where id = ${canary.userId}`;

    const [sent] = await t.db.asUser(organizer, (tx) => tx`select app.send_contact_request(${canary.userId}::uuid, 'Hello there') as id`);
    expect(sent!.id).toBeTruthy();
    const alerts = await t.sql`select detail from app.audit_events where actor = ${organizer.userId} and action = 'canary_viewed'`;
    expect(alerts.map((row) => row.detail)).toEqual([{ alert: true, via: 'contact_request' }]);

    await mailNotifications(t.sql, 'http://talaka.test');
    expect(await t.sql`select 1 from app.mail_outbox where to_address = ${canary.email}`).toHaveLength(0);
    const [note] = await t.sql`select mailed_at from app.notifications where user_id = ${canary.userId}`;
    expect(note!.mailed_at).not.toBeNull();
  });
});
