import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';

/**
 * Shortlists in SQL, as each actor: an organizer with a second factor keeps private lists with
 * notes; without it, or as a plain member, every function refuses (42501); another organizer gets
 * the answer an unknown list gets; hidden and blocking members cannot be added; the export holds
 * only members who accepted this organizer's contact, is audited once per call and stops at the
 * quota.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;

/** An organizer past probation, so quotas are whole. */
async function organizer() {
  const person = await createUser(t.sql, { roles: ['organizer'] });
  await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${person.userId} and role = 'organizer'`;
  return person;
}

async function openMember(displayName = 'Ales') {
  const member = await createUser(t.sql, { displayName });
  await openProfile(t.sql, member.userId, { identity: 'organizers', skills: 'organizers' });
  return member;
}

const call = <T = Record<string, unknown>>(who: Who, run: (tx: Parameters<Parameters<TestDatabase['db']['asUser']>[1]>[0]) => Promise<T>) =>
  t.db.asUser(who, run);

const createList = async (who: Who, name: string) =>
  (await call(who, (tx) => tx`select app.create_shortlist(${name}) as id`))[0]!.id as string;
const add = (who: Who, list: string, member: string, note: string | null = null) =>
  call(who, (tx) => tx`select app.add_to_shortlist(${list}::uuid, ${member}::uuid, ${note})`);
const entries = (who: Who, list: string) => call(who, (tx) => tx`select * from app.shortlist_entries(${list}::uuid)`);
const exportList = async (who: Who, list: string) =>
  (await call(who, (tx) => tx`select app.export_shortlist(${list}::uuid) as data`))[0]!.data as {
    total: number;
    omitted: number;
    rows: { member_id: string; display_name: string; channels: Record<string, string>; city: { en: string } | null; note: string | null; accepted_at: string }[];
  };

async function contactRequest(organizerId: string, memberId: string, status: 'pending' | 'accepted' | 'declined') {
  await t.sql`
    insert into app.contact_requests (organizer_id, member_id, message, status, answered_at)
    values (${organizerId}, ${memberId}, 'We need translators for the legal aid desk.', ${status},
            ${status === 'pending' ? null : new Date()})`;
}

describe('an organizer with a second factor', () => {
  it('creates a list, adds a member with a note, edits the note and removes them', async () => {
    const me = await organizer();
    const member = await openMember('Ales');
    const list = await createList(me, '  Lawyers in Vilnius ');
    await add(me, list, member.userId, 'Speaks Lithuanian');
    expect(await entries(me, list)).toMatchObject([{ member_id: member.userId, visible: true, display_name: 'Ales', note: 'Speaks Lithuanian' }]);

    await call(me, (tx) => tx`select app.set_shortlist_note(${list}::uuid, ${member.userId}::uuid, ${'Met at the Vilnius forum'})`);
    expect((await entries(me, list))[0]?.note).toBe('Met at the Vilnius forum');
    await call(me, (tx) => tx`select app.set_shortlist_note(${list}::uuid, ${member.userId}::uuid, ${'   '})`);
    expect((await entries(me, list))[0]?.note).toBeNull();

    const [mine] = await call(me, (tx) => tx`select * from app.my_shortlists(${member.userId}::uuid)`);
    expect(mine).toMatchObject({ id: list, name: 'Lawyers in Vilnius', member_count: 1, has_member: true });

    await call(me, (tx) => tx`select app.remove_from_shortlist(${list}::uuid, ${member.userId}::uuid)`);
    expect(await entries(me, list)).toHaveLength(0);
  });

  it('renames and deletes a list; a second list of the same name is refused', async () => {
    const me = await organizer();
    const list = await createList(me, 'Journalists');
    await expect(createList(me, 'journalists')).rejects.toMatchObject({ code: '23505', hint: 'shortlists:errors.nameTaken' });
    await expect(createList(me, ' ')).rejects.toMatchObject({ hint: 'shortlists:errors.nameRequired' });
    await expect(createList(me, 'x'.repeat(81))).rejects.toMatchObject({ hint: 'shortlists:errors.nameTooLong' });
    await call(me, (tx) => tx`select app.rename_shortlist(${list}::uuid, ${'Editors'})`);
    expect((await call(me, (tx) => tx`select name from app.my_shortlists()`)).map((row) => row.name)).toEqual(['Editors']);
    await call(me, (tx) => tx`select app.delete_shortlist(${list}::uuid)`);
    expect(await call(me, (tx) => tx`select * from app.my_shortlists()`)).toHaveLength(0);
  });

  it('refuses a note over 1000 characters and keeps the old one', async () => {
    const me = await organizer();
    const member = await openMember();
    const list = await createList(me, 'Notes');
    await add(me, list, member.userId, 'first');
    await expect(
      call(me, (tx) => tx`select app.set_shortlist_note(${list}::uuid, ${member.userId}::uuid, ${'n'.repeat(1001)})`),
    ).rejects.toMatchObject({ code: '23514', hint: 'shortlists:errors.noteTooLong' });
    expect((await entries(me, list))[0]?.note).toBe('first');
  });

  it('stops at 50 lists', async () => {
    const me = await organizer();
    await t.sql`insert into app.shortlists (organizer_id, name) select ${me.userId}, 'List ' || n from generate_series(1, 50) n`;
    await expect(createList(me, 'One too many')).rejects.toMatchObject({ code: '23514', hint: 'shortlists:errors.tooManyLists' });
  });

  it('stops at 500 members a list', async () => {
    const me = await organizer();
    const list = await createList(me, 'Full');
    // 500 people written in one statement, put on the list as the owner.
    const fillers = await t.sql`
      insert into auth.users (id, aud, role, email, created_at, updated_at)
      select gen_random_uuid(), 'authenticated', 'authenticated', 'filler-' || n || '-' || ${list} || '@example.org', now(), now()
      from generate_series(1, 500) n returning id`;
    await t.sql`insert into app.shortlist_members (shortlist_id, member_id) select ${list}, unnest(${fillers.map((row) => row.id as string)}::uuid[])`;
    const member = await openMember();
    await expect(add(me, list, member.userId)).rejects.toMatchObject({ code: '23514', hint: 'shortlists:errors.listFull' });
  });
});

describe('who may add whom', () => {
  it('a hidden member cannot be added: the same answer as an unknown id', async () => {
    const me = await organizer();
    const list = await createList(me, 'Hidden');
    const hidden = await createUser(t.sql, { displayName: 'Hidden' });
    const onlyMembers = await createUser(t.sql, { displayName: 'Members only' });
    await openProfile(t.sql, onlyMembers.userId, { skills: 'organizers' });
    for (const id of [hidden.userId, onlyMembers.userId, crypto.randomUUID(), me.userId]) {
      await expect(add(me, list, id)).rejects.toMatchObject({ code: 'P0002', hint: 'shortlists:errors.memberNotFound' });
    }
    expect(await entries(me, list)).toHaveLength(0);
  });

  it('a member who blocked the organizer cannot be added', async () => {
    const me = await organizer();
    const list = await createList(me, 'Blocked');
    const member = await openMember();
    await t.sql`insert into app.organizer_blocks (member_id, organizer_id) values (${member.userId}, ${me.userId})`;
    await expect(add(me, list, member.userId)).rejects.toMatchObject({ code: 'P0002', hint: 'shortlists:errors.memberNotFound' });
  });

  it('a member who hides their profile later stays on the list, without name or headline', async () => {
    const me = await organizer();
    const list = await createList(me, 'Later hidden');
    const member = await openMember('Nasta');
    await add(me, list, member.userId, 'my own note');
    await t.db.asUser(member, (tx) => tx`select app.hide_my_profile()`);
    expect(await entries(me, list)).toMatchObject([{ member_id: member.userId, visible: false, display_name: null, headline: null, note: 'my own note' }]);
  });
});

describe('refusals', () => {
  it('an organizer without a second factor (aal1) is refused everywhere', async () => {
    const me = await organizer();
    const list = await createList(me, 'Mine');
    const member = await openMember();
    const weak = { ...me, aal: 'aal1' as const };
    const attempts = [
      () => call(weak, (tx) => tx`select app.create_shortlist('Another')`),
      () => call(weak, (tx) => tx`select * from app.my_shortlists()`),
      () => call(weak, (tx) => tx`select * from app.shortlist_entries(${list}::uuid)`),
      () => add(weak, list, member.userId),
      () => call(weak, (tx) => tx`select app.export_shortlist(${list}::uuid)`),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ code: '42501', hint: 'shortlists:errors.secondFactorNeeded' });
    }
  });

  it('a plain member is refused, even with a second factor', async () => {
    const member = await createUser(t.sql);
    await expect(call({ ...member, aal: 'aal2' }, (tx) => tx`select app.create_shortlist('Mine')`)).rejects.toMatchObject({
      code: '42501',
      hint: 'shortlists:errors.forbidden',
    });
    await expect(call(member, (tx) => tx`select * from app.my_shortlists()`)).rejects.toMatchObject({ code: '42501' });
  });

  it('nobody reads or writes the tables directly', async () => {
    const me = await organizer();
    for (const table of ['app.shortlists', 'app.shortlist_members']) {
      await expect(call(me, (tx) => tx.unsafe(`select * from ${table}`))).rejects.toMatchObject({ code: '42501' });
    }
    await expect(call(me, (tx) => tx`insert into app.shortlists (organizer_id, name) values (${me.userId}, 'x')`)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(t.db.asAnon((tx) => tx`select * from app.my_shortlists()`)).rejects.toThrow(/permission denied/);
  });

  it('another organizer can neither read, change, delete nor export the list', async () => {
    const owner = await organizer();
    const other = await organizer();
    const member = await openMember();
    const list = await createList(owner, 'Private');
    await add(owner, list, member.userId, 'private note');
    const notFound = { code: 'P0002', hint: 'shortlists:errors.listNotFound' };
    await expect(entries(other, list)).rejects.toMatchObject(notFound);
    await expect(add(other, list, member.userId)).rejects.toMatchObject(notFound);
    await expect(call(other, (tx) => tx`select app.set_shortlist_note(${list}::uuid, ${member.userId}::uuid, 'mine now')`)).rejects.toMatchObject(notFound);
    await expect(call(other, (tx) => tx`select app.remove_from_shortlist(${list}::uuid, ${member.userId}::uuid)`)).rejects.toMatchObject(notFound);
    await expect(call(other, (tx) => tx`select app.rename_shortlist(${list}::uuid, 'Stolen')`)).rejects.toMatchObject(notFound);
    await expect(call(other, (tx) => tx`select app.delete_shortlist(${list}::uuid)`)).rejects.toMatchObject(notFound);
    await expect(exportList(other, list)).rejects.toMatchObject(notFound);
    // The same answer as a list that never existed.
    await expect(entries(other, crypto.randomUUID())).rejects.toMatchObject(notFound);
    expect(await call(other, (tx) => tx`select * from app.my_shortlists()`)).toHaveLength(0);
    expect(await entries(owner, list)).toMatchObject([{ note: 'private note' }]);
    expect(await t.sql`select 1 from app.audit_events where actor = ${other.userId}`).toHaveLength(0);
  });
});

describe('app.export_shortlist', () => {
  it('returns only members who accepted this organizer, with channels, city, note and date', async () => {
    const me = await organizer();
    const list = await createList(me, 'Export');
    const accepted = await openMember('Accepted');
    const pending = await openMember('Pending');
    const declined = await openMember('Declined');
    const otherOrganizers = await openMember('Accepted someone else');
    await t.sql`update app.profiles set city_id = 'vilnius' where id = ${accepted.userId}`;
    await t.sql`insert into app.contact_channels (profile_id, kind, value) values
                (${accepted.userId}, 'signal', 'ales.01'), (${accepted.userId}, 'email', 'ales@example.org')`;
    for (const member of [accepted, pending, declined, otherOrganizers]) await add(me, list, member.userId, `note ${member.userId.slice(0, 4)}`);
    await contactRequest(me.userId, accepted.userId, 'accepted');
    await contactRequest(me.userId, pending.userId, 'pending');
    await contactRequest(me.userId, declined.userId, 'declined');
    await contactRequest((await organizer()).userId, otherOrganizers.userId, 'accepted');

    const data = await exportList(me, list);
    expect(data.total).toBe(4);
    expect(data.omitted).toBe(3);
    expect(data.rows).toHaveLength(1);
    expect(data.rows[0]).toMatchObject({
      member_id: accepted.userId,
      display_name: 'Accepted',
      channels: { email: 'ales@example.org', signal: 'ales.01' },
      city: { en: 'Vilnius' },
      note: `note ${accepted.userId.slice(0, 4)}`,
    });
    expect(Date.parse(data.rows[0]!.accepted_at)).not.toBeNaN();
  });

  it('leaves out an accepted member who hid their profile or blocked the organizer since', async () => {
    const me = await organizer();
    const list = await createList(me, 'Fail closed');
    const hides = await openMember('Hides');
    const blocks = await openMember('Blocks');
    for (const member of [hides, blocks]) {
      await add(me, list, member.userId);
      await contactRequest(me.userId, member.userId, 'accepted');
    }
    await t.db.asUser(hides, (tx) => tx`select app.hide_my_profile()`);
    await t.sql`insert into app.organizer_blocks (member_id, organizer_id) values (${blocks.userId}, ${me.userId})`;
    const data = await exportList(me, list);
    expect(data.rows).toHaveLength(0);
    expect(data.omitted).toBe(2);
  });

  it('writes one audit row per export, with the list and the row count', async () => {
    const me = await organizer();
    const list = await createList(me, 'Audited');
    const member = await openMember();
    await add(me, list, member.userId);
    await contactRequest(me.userId, member.userId, 'accepted');
    await exportList(me, list);
    await exportList(me, list);
    const rows = await t.sql`select target, detail from app.audit_events where actor = ${me.userId} and action = 'shortlist_export'`;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ target: null, detail: { shortlist_id: list, rows: 1 } });
  });

  describe('over quota', () => {
    beforeAll(async () => {
      await t.sql`update app.quota_limits set "limit" = 3 where action = 'shortlist_export'`;
    });
    afterAll(async () => {
      await t.sql`update app.quota_limits set "limit" = 20 where action = 'shortlist_export'`;
    });

    it('refuses the 4th export of 3 with the quota hint; the alert is recorded after', async () => {
      const me = await organizer();
      const list = await createList(me, 'Quota');
      for (let i = 0; i < 3; i += 1) await exportList(me, list);
      await expect(exportList(me, list)).rejects.toMatchObject({ code: '23514', hint: 'quota:shortlist_export' });
      expect(await t.sql`select 1 from app.audit_events where actor = ${me.userId} and action = 'shortlist_export'`).toHaveLength(3);
      const [written] = await call(me, (tx) => tx`select app.record_quota_exceeded('shortlist_export') as ok`);
      expect(written?.ok).toBe(true);
    });

    it('the default is 20 a day: the 21st is refused', async () => {
      await t.sql`update app.quota_limits set "limit" = 20 where action = 'shortlist_export'`;
      const me = await organizer();
      const list = await createList(me, 'Twenty');
      await t.sql`insert into app.audit_events (actor, action, detail, at)
                  select ${me.userId}, 'shortlist_export', '{}'::jsonb, now() - interval '1 hour' from generate_series(1, 20)`;
      await expect(exportList(me, list)).rejects.toMatchObject({ hint: 'quota:shortlist_export' });
      await t.sql`update app.quota_limits set "limit" = 3 where action = 'shortlist_export'`;
    });
  });
});

describe('erasure', () => {
  it('a member\'s entries and the notes about them go with their account; the organizer\'s lists with theirs', async () => {
    const me = await organizer();
    const member = await openMember();
    const list = await createList(me, 'Erasure');
    await add(me, list, member.userId, 'about them');
    await t.sql`delete from auth.users where id = ${member.userId}`;
    expect(await t.sql`select 1 from app.shortlist_members where member_id = ${member.userId}`).toHaveLength(0);
    await t.sql`delete from auth.users where id = ${me.userId}`;
    expect(await t.sql`select 1 from app.shortlists where organizer_id = ${me.userId}`).toHaveLength(0);
  });
});
