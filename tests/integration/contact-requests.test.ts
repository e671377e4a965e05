import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailNotifications } from '../../app/modules/notifications/mail-notifications.server';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';

/**
 * Contact requests in SQL, as each actor: an organizer with and without their second factor, a
 * plain member, the member asked, another organizer, an admin. "Contact is consent": nothing of
 * a member's channels or CV reaches an organizer before the member accepts.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;

/** An organizer past probation, acting for a named organization. */
async function organizer(organization = 'Belarusian House in Warsaw') {
  const user = await createUser(t.sql, {
    roles: ['organizer'],
    displayName: 'Nasta',
  });
  await t.sql`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${user.userId} and role = 'organizer'`;
  await t.sql`
    insert into app.organizer_applications (applicant_id, organization, role_in_organization, motivation, reference, status, decided_at)
    values (${user.userId}, ${organization}, 'Coordinator', 'I coordinate volunteers for the legal aid desk.', 'Ales K., board', 'approved', now())`;
  return user;
}

/** A member whose identity is open to organizers, who signed up in `language`, with two channels. */
async function member(language = 'pl') {
  const user = await createUser(t.sql, { displayName: 'Ales' });
  await openProfile(t.sql, user.userId, {
    identity: 'organizers',
    skills: 'organizers',
  });
  await t.sql`update auth.users set raw_user_meta_data = ${t.sql.json({
    language,
  })} where id = ${user.userId}`;
  await t.sql`insert into app.contact_channels (profile_id, kind, value)
              values (${user.userId}, 'signal', 'ales.01'), (${user.userId}, 'email', 'ales@example.org')`;
  return user;
}

const one = async <T>(who: Who, query: (tx: Parameters<Parameters<TestDatabase['db']['asUser']>[1]>[0]) => Promise<T[]>) =>
  (await t.db.asUser(who, query))[0];

const send = async (who: Who, to: string, message = 'We need a translator for our legal aid desk.') =>
  (await one(who, (tx) => tx`select app.send_contact_request(${to}::uuid, ${message}) as id`))?.id as string | null;
const answer = async (who: Who, id: string, accept: boolean) =>
  (await one(who, (tx) => tx`select app.answer_contact_request(${id}::uuid, ${accept}) as ok`))?.ok as boolean;
const reveal = async (who: Who, to: string) =>
  (await one(who, (tx) => tx`select app.contact_reveal(${to}::uuid) as revealed`))?.revealed as {
    channels: { kind: string; value: string }[];
    cv: boolean;
  } | null;
const canSeeCv = async (who: Who, owner: string) => (await one(who, (tx) => tx`select app.can_see_part(${owner}::uuid, 'cv') as ok`))?.ok as boolean;
const events = (actor: string, action: string) =>
  t.sql`select target, detail from app.audit_events where actor = ${actor} and action = ${action} order by id`;

describe('sending a contact request', () => {
  it('works for an organizer with a second factor: audited, notified in the app', async () => {
    const asker = await organizer();
    const asked = await member();
    const id = await send(asker, asked.userId);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await events(asker.userId, 'contact_request')).map((row) => row.target)).toEqual([asked.userId]);
    const notes = await t.db.asUser(asked, (tx) => tx`select kind, payload from app.notifications`);
    expect(notes).toEqual([{ kind: 'contact_request', payload: { request: id } }]);
    expect((await one(asked, (tx) => tx`select app.unread_notification_count() as n`))?.n).toBe(1);
  });

  it('is refused without the second factor (aal1) and for a plain member', async () => {
    const asker = await organizer();
    const asked = await member();
    await expect(send({ ...asker, aal: 'aal1' }, asked.userId)).rejects.toMatchObject({
      code: '42501',
      hint: 'contact:errors.secondFactorNeeded',
    });
    const plain = await createUser(t.sql);
    await expect(send({ ...plain, aal: 'aal2' }, asked.userId)).rejects.toMatchObject({
      code: '42501',
      hint: 'contact:errors.forbidden',
    });
    expect(await t.sql`select 1 from app.contact_requests where member_id = ${asked.userId}`).toHaveLength(0);
  });

  it('answers a hidden member exactly like an unknown id, and records nothing', async () => {
    const asker = await organizer();
    const hidden = await createUser(t.sql, { displayName: 'Hidden' });
    expect(await send(asker, hidden.userId)).toBeNull();
    expect(await send(asker, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await events(asker.userId, 'contact_request')).toHaveLength(0);
  });

  it('is idempotent while a request is live', async () => {
    const asker = await organizer();
    const asked = await member();
    const first = await send(asker, asked.userId);
    expect(await send(asker, asked.userId, 'Another message')).toBe(first);
    expect(await events(asker.userId, 'contact_request')).toHaveLength(1);
    expect(await t.sql`select 1 from app.notifications where user_id = ${asked.userId}`).toHaveLength(1);
  });

  it('cannot be read or written directly by anyone', async () => {
    const asker = await organizer();
    await expect(t.db.asUser(asker, (tx) => tx`select * from app.contact_requests`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.asUser(asker, (tx) => tx`select * from app.abuse_reports`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.asAnon((tx) => tx`select app.send_contact_request(${asker.userId}::uuid, 'x')`)).rejects.toThrow(/permission denied/);
  });
});

describe('the contact request quota', () => {
  beforeAll(async () => {
    await t.sql`update app.quota_limits set "limit" = 3 where action = 'contact_request'`;
  });
  afterAll(async () => {
    await t.sql`update app.quota_limits set "limit" = 20 where action = 'contact_request'`;
  });

  it('stops the request after the limit, and the alert is written', async () => {
    const asker = await organizer();
    const asked = [await member(), await member(), await member(), await member()];
    for (const person of asked.slice(0, 3)) expect(await send(asker, person.userId)).not.toBeNull();
    await expect(send(asker, asked[3]!.userId)).rejects.toMatchObject({
      code: '23514',
      hint: 'quota:contact_request',
    });
    const [written] = await t.db.asUser(asker, (tx) => tx`select app.record_quota_exceeded('contact_request', ${asked[3]!.userId}::uuid) as ok`);
    expect(written?.ok).toBe(true);
    expect(await events(asker.userId, 'quota_exceeded')).toEqual([
      {
        target: asked[3]!.userId,
        detail: { alert: true, quota: 'contact_request' },
      },
    ]);
    // A repeat of a live request costs nothing, even at the limit.
    expect(await send(asker, asked[0]!.userId)).not.toBeNull();
  });
});

describe('answering and revealing', () => {
  it('accepting reveals the channels to that organizer only, audited', async () => {
    const asker = await organizer();
    const other = await organizer('Another Org');
    const asked = await member();
    const id = (await send(asker, asked.userId))!;
    expect(await reveal(asker, asked.userId)).toBeNull();
    expect(await events(asker.userId, 'contact_reveal')).toHaveLength(0);

    expect(await answer(other, id, true)).toBe(false);
    expect(await answer(asked, id, true)).toBe(true);
    expect(await answer(asked, id, false)).toBe(false);

    const revealed = await reveal(asker, asked.userId);
    expect(revealed?.channels).toEqual([
      { kind: 'email', value: 'ales@example.org' },
      { kind: 'signal', value: 'ales.01' },
    ]);
    expect(revealed?.cv).toBe(false);
    expect((await events(asker.userId, 'contact_reveal')).map((row) => row.target)).toEqual([asked.userId]);
    expect(await reveal(other, asked.userId)).toBeNull();
    await expect(reveal({ ...asker, aal: 'aal1' }, asked.userId)).rejects.toMatchObject({ code: '42501' });
  });

  it('declining reveals nothing', async () => {
    const asker = await organizer();
    const asked = await member();
    const id = (await send(asker, asked.userId))!;
    expect(await answer(asked, id, false)).toBe(true);
    expect(await reveal(asker, asked.userId)).toBeNull();
    expect(await canSeeCv(asker, asked.userId)).toBe(false);
    // A "no" is not followed by the same question tomorrow.
    expect(await send(asker, asked.userId, 'Please reconsider')).toBeNull();
    await t.sql`update app.contact_requests set answered_at = now() - interval '91 days', created_at = now() - interval '92 days' where id = ${id}`;
    expect(await send(asker, asked.userId, 'A new project')).not.toBeNull();
  });

  it('withdrawing by the organizer stops the reveal', async () => {
    const asker = await organizer();
    const asked = await member();
    const id = (await send(asker, asked.userId))!;
    await answer(asked, id, true);
    expect((await one(asked, (tx) => tx`select app.withdraw_contact_request(${id}::uuid) as ok`))?.ok).toBe(false);
    expect((await one(asker, (tx) => tx`select app.withdraw_contact_request(${id}::uuid) as ok`))?.ok).toBe(true);
    expect(await reveal(asker, asked.userId)).toBeNull();
  });

  it('opens the CV only after acceptance, and only when the member opened it to organizers', async () => {
    const asker = await organizer();
    const asked = await member();
    await t.sql`update app.profiles set cv_path = ${`${asked.userId}/cv-object`} where id = ${asked.userId}`;
    const id = (await send(asker, asked.userId))!;
    expect(await canSeeCv(asker, asked.userId)).toBe(false);
    await answer(asked, id, true);
    expect(await canSeeCv(asker, asked.userId)).toBe(false);
    expect((await one(asker, (tx) => tx`select app.reveal_cv(${asked.userId}::uuid) as ok`))?.ok).toBe(false);

    await openProfile(t.sql, asked.userId, { cv: 'organizers' });
    expect(await canSeeCv(asker, asked.userId)).toBe(true);
    expect(await canSeeCv({ ...asker, aal: 'aal1' }, asked.userId)).toBe(false);
    expect(await canSeeCv(await organizer('Other'), asked.userId)).toBe(false);
    expect((await reveal(asker, asked.userId))?.cv).toBe(true);
    expect((await one(asker, (tx) => tx`select app.reveal_cv(${asked.userId}::uuid) as ok`))?.ok).toBe(true);
    expect((await events(asker.userId, 'contact_reveal')).map((row) => row.detail)).toEqual([{ part: 'channels' }, { part: 'cv' }]);
  });
});

describe('blocking and reporting', () => {
  it('a block withdraws the requests and hides the member from that organizer', async () => {
    const asker = await organizer();
    const asked = await member();
    const id = (await send(asker, asked.userId))!;
    await answer(asked, id, true);
    expect(await one(asker, (tx) => tx`select app.organizer_view_profile(${asked.userId}::uuid) as p`)).toMatchObject({ p: { id: asked.userId } });

    const stranger = await organizer('Stranger Org');
    expect((await one(asked, (tx) => tx`select app.block_organizer(${stranger.userId}::uuid) as ok`))?.ok).toBe(false);
    expect((await one(asked, (tx) => tx`select app.block_organizer(${asker.userId}::uuid) as ok`))?.ok).toBe(true);

    expect(await reveal(asker, asked.userId)).toBeNull();
    expect((await one(asker, (tx) => tx`select app.organizer_view_profile(${asked.userId}::uuid) as p`))?.p).toBeNull();
    expect(await send(asker, asked.userId)).toBeNull();
    expect(await t.db.asUser(asker, (tx) => tx`select * from app.my_sent_contact_requests()`)).toHaveLength(0);
    const inbox = await t.db.asUser(asked, (tx) => tx`select status, blocked from app.my_contact_requests()`);
    expect(inbox).toEqual([{ status: 'withdrawn', blocked: true }]);
  });

  it('the member can lift a block: the organizer finds them again, and nothing revealed comes back by itself', async () => {
    const asker = await organizer();
    const asked = await member();
    const id = (await send(asker, asked.userId))!;
    await answer(asked, id, true);
    await one(asked, (tx) => tx`select app.block_organizer(${asker.userId}::uuid)`);
    expect((await one(asker, (tx) => tx`select app.organizer_view_profile(${asked.userId}::uuid) as p`))?.p).toBeNull();

    // Only one's own block: someone else lifting it, or lifting one that is not there, does nothing.
    const someone = await member();
    expect((await one(someone, (tx) => tx`select app.unblock_organizer(${asker.userId}::uuid) as ok`))?.ok).toBe(false);
    expect((await one(asker, (tx) => tx`select app.organizer_view_profile(${asked.userId}::uuid) as p`))?.p).toBeNull();

    expect((await one(asked, (tx) => tx`select app.unblock_organizer(${asker.userId}::uuid) as ok`))?.ok).toBe(true);
    expect((await one(asked, (tx) => tx`select app.unblock_organizer(${asker.userId}::uuid) as ok`))?.ok).toBe(false);
    expect(await one(asker, (tx) => tx`select app.organizer_view_profile(${asked.userId}::uuid) as p`)).toMatchObject({ p: { id: asked.userId } });
    // The request the block withdrew stays withdrawn: the channels stay hidden until a new request is accepted.
    expect(await reveal(asker, asked.userId)).toBeNull();
    const inbox = await t.db.asUser(asked, (tx) => tx`select status, blocked from app.my_contact_requests()`);
    expect(inbox).toEqual([{ status: 'withdrawn', blocked: false }]);
    expect(await send(asker, asked.userId)).not.toBeNull();
  });

  it('a report reaches the admins, without naming the reporter', async () => {
    const asker = await organizer('Suspicious Org');
    const asked = await member();
    const id = (await send(asker, asked.userId, 'Send me your passport number.'))!;
    const someone = await createUser(t.sql);
    expect((await one(someone, (tx) => tx`select app.report_contact_abuse(${id}::uuid, 'Not mine') as ok`))?.ok).toBe(false);
    expect((await one(asked, (tx) => tx`select app.report_contact_abuse(${id}::uuid, 'Asks for my passport') as ok`))?.ok).toBe(true);

    const admin = await createUser(t.sql, { roles: ['admin'] });
    const reports = await t.db.asUser(admin, (tx) => tx`select * from app.list_abuse_reports()`);
    const mine = reports.find((row) => row.organizer_id === asker.userId);
    expect(mine).toMatchObject({
      organization: 'Suspicious Org',
      message: 'Send me your passport number.',
      reason: 'Asks for my passport',
    });
    expect(Object.keys(mine!)).not.toContain('reporter_id');
    await expect(t.db.asUser(asker, (tx) => tx`select * from app.list_abuse_reports()`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.db.asUser({ ...admin, aal: 'aal1' }, (tx) => tx`select * from app.list_abuse_reports()`)).rejects.toMatchObject({ code: '42501' });
  });
});

describe('the lists', () => {
  it('the member sees organization, message and status but never the organizer e-mail', async () => {
    const asker = await organizer('Belarusian House in Warsaw');
    const asked = await member();
    await send(asker, asked.userId, 'Hello from Warsaw');
    const [row] = await t.db.asUser(asked, (tx) => tx`select * from app.my_contact_requests()`);
    expect(row).toMatchObject({
      organization: 'Belarusian House in Warsaw',
      message: 'Hello from Warsaw',
      status: 'pending',
    });
    expect(JSON.stringify(row)).not.toContain(asker.email);
    const stranger = await createUser(t.sql);
    expect(await t.db.asUser(stranger, (tx) => tx`select * from app.my_contact_requests()`)).toHaveLength(0);
  });

  it('the organizer sees the member name (open to organizers) and the status; aal1 is refused', async () => {
    const asker = await organizer();
    const asked = await member();
    await send(asker, asked.userId);
    const rows = await t.db.asUser(asker, (tx) => tx`select member_name, status from app.my_sent_contact_requests()`);
    expect(rows).toEqual([{ member_name: 'Ales', status: 'pending' }]);
    await expect(t.db.asUser({ ...asker, aal: 'aal1' }, (tx) => tx`select * from app.my_sent_contact_requests()`)).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('opening the inbox marks the notifications read', async () => {
    const asker = await organizer();
    const asked = await member();
    await send(asker, asked.userId);
    expect((await one(asked, (tx) => tx`select app.mark_my_notifications_read('contact_request') as n`))?.n).toBe(1);
    expect((await one(asked, (tx) => tx`select app.unread_notification_count() as n`))?.n).toBe(0);
  });
});

describe('the mail to the member', () => {
  it('is written in the member language, names the organization, and never carries the message', async () => {
    const asker = await organizer('Belarusian House in Warsaw');
    const polish = await member('pl');
    const belarusian = await member('be');
    await send(asker, polish.userId, 'SECRET-MESSAGE-TEXT');
    await send(asker, belarusian.userId, 'SECRET-MESSAGE-TEXT');
    expect(await mailNotifications(t.sql, 'https://talaka.test')).toBeGreaterThanOrEqual(2);
    expect(await mailNotifications(t.sql, 'https://talaka.test')).toBe(0);

    const [pl] = await t.sql`select locale, subject, body_text from app.mail_outbox where to_address = ${polish.email}`;
    expect(pl).toMatchObject({
      locale: 'pl',
      subject: 'Organizator chce się z tobą skontaktować przez Talakę',
    });
    expect(pl?.body_text).toContain('Belarusian House in Warsaw');
    expect(pl?.body_text).toContain('https://talaka.test/account/requests?lng=pl');
    expect(pl?.body_text).not.toContain('SECRET-MESSAGE-TEXT');
    const [be] = await t.sql`select locale, body_text from app.mail_outbox where to_address = ${belarusian.email}`;
    expect(be?.locale).toBe('be');
    expect(be?.body_text).not.toContain('SECRET-MESSAGE-TEXT');
    expect(await t.sql`select 1 from app.notifications where mailed_at is null and user_id in (${polish.userId}, ${belarusian.userId})`).toHaveLength(
      0,
    );
  });
});

describe('erasure', () => {
  it('everything about the member goes with their account', async () => {
    const asker = await organizer();
    const asked = await member();
    const id = (await send(asker, asked.userId))!;
    await t.db.asUser(asked, (tx) => tx`select app.report_contact_abuse(${id}::uuid, 'spam')`);
    await t.db.asUser(asked, (tx) => tx`select app.block_organizer(${asker.userId}::uuid)`);
    await t.sql`delete from auth.users where id = ${asked.userId}`;
    for (const table of ['contact_requests', 'organizer_blocks']) {
      expect(await t.sql`select 1 from ${t.sql(`app.${table}`)} where member_id = ${asked.userId}`).toHaveLength(0);
    }
    expect(await t.sql`select 1 from app.notifications where user_id = ${asked.userId}`).toHaveLength(0);
    expect(await t.sql`select 1 from app.abuse_reports where reporter_id = ${asked.userId}`).toHaveLength(0);
  });
});

describe('the data export', () => {
  it('holds the requests received and sent, the blocks and reports, by organization, without anyone else e-mail', async () => {
    const asker = await organizer('Export Org');
    const asked = await member();
    const id = (await send(asker, asked.userId, 'Exported words'))!;
    await t.db.asUser(asked, (tx) => tx`select app.report_contact_abuse(${id}::uuid, 'Odd request')`);
    await t.db.asUser(asked, (tx) => tx`select app.block_organizer(${asker.userId}::uuid)`);
    const data = (await one(asked, (tx) => tx`select app.export_my_data() as data`))?.data as Record<string, unknown[]>;
    expect(data.contact_requests_received).toEqual([
      expect.objectContaining({
        organization: 'Export Org',
        message: 'Exported words',
        status: 'withdrawn',
      }),
    ]);
    expect(data.blocked_organizers).toEqual([expect.objectContaining({ organization: 'Export Org' })]);
    expect(data.abuse_reports).toEqual([
      expect.objectContaining({
        organization: 'Export Org',
        reason: 'Odd request',
      }),
    ]);
    expect(data.notifications).toEqual([expect.objectContaining({ kind: 'contact_request' })]);
    expect(JSON.stringify(data)).not.toContain(asker.email);
    const sent = (await one(asker, (tx) => tx`select app.export_my_data() as data`))?.data as Record<string, unknown[]>;
    expect(sent.contact_requests_sent).toEqual([expect.objectContaining({ message: 'Exported words' })]);
    expect(JSON.stringify(sent)).not.toContain(asked.userId);
  });
});
