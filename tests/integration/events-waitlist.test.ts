import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailNotifications } from '../../app/modules/notifications/mail-notifications.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { cancel, createEvent, eventInput, member, organizer, refusal, signUp, updateEvent, viewEvent } from './events-world';

/**
 * Waitlist promotion (issue 5, acceptance 1 and 5): a freed place or a bigger capacity goes at
 * once to the first in line, who gets one mail in their language naming no event; capacity
 * below the confirmed count is refused; members leave the waitlist.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

// SQL writes notifications; the app's mailer turns them into mails (ADR 025).
const mailsTo = async (email: string) => {
  await mailNotifications(t.sql, 'https://talaka.test');
  return t.sql`select template, locale, subject, body_text from app.mail_outbox where to_address = ${email} order by id`;
};

const statuses = async (event: string) =>
  Object.fromEntries(
    (await t.sql`select member_id, status::text from app.event_registrations where event_id = ${event}`).map((r) => [r.member_id, r.status]),
  );

describe('the waitlist', () => {
  it('a cancellation promotes the first waitlisted member at once and mails them once', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 2, titles: { en: 'Secret gathering' } }));
    const [a, b, c, d] = [await member(t.sql), await member(t.sql), await member(t.sql), await member(t.sql)];
    await t.sql`update auth.users set raw_user_meta_data = '{"language":"pl"}'::jsonb where id = ${c.userId}`;
    for (const person of [a, b, c, d]) await signUp(t.db, person, event);

    expect(await cancel(t.db, a, event)).toMatchObject({ status: 'cancelled', changed: true, promoted: 1 });
    expect(await statuses(event)).toEqual({ [a.userId]: 'cancelled', [b.userId]: 'confirmed', [c.userId]: 'confirmed', [d.userId]: 'waitlisted' });
    const mails = await mailsTo(c.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'event-place', locale: 'pl', subject: 'Zwolniło się dla ciebie miejsce' });
    // T8: the mail names no event and no place.
    expect(mails[0]!.body_text).not.toContain('Secret gathering');
    expect(mails[0]!.body_text).not.toContain('Tajna');
    expect(await mailsTo(d.email)).toHaveLength(0);
    // The promoted member sees their new standing; the next in line moved to 1.
    expect(await viewEvent(t.db, c, event)).toMatchObject({ registration: { status: 'confirmed', position: null } });
    expect(await viewEvent(t.db, d, event)).toMatchObject({ registration: { status: 'waitlisted', position: 1 } });
    // Cancelling twice changes nothing and mails nobody.
    expect(await cancel(t.db, a, event)).toMatchObject({ status: 'cancelled', changed: false });
    expect(await mailsTo(d.email)).toHaveLength(0);
  });

  it('a capacity increase promotes in order, with a mail each (Belarusian when the language is unknown)', async () => {
    const boss = await organizer(t.sql);
    const input = eventInput({ capacity: 1 });
    const event = await createEvent(t.db, boss, input);
    const people = [await member(t.sql), await member(t.sql), await member(t.sql), await member(t.sql)];
    for (const person of people) await signUp(t.db, person, event);
    expect(await updateEvent(t.db, boss, event, { ...input, capacity: 3 })).toEqual({ promoted: 2 });
    const now = await statuses(event);
    expect(people.map((p) => now[p.userId])).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect((await mailsTo(people[1]!.email)).map((m) => [m.locale, m.subject])).toEqual([['be', 'Для вас вызвалілася месца']]);
    expect(await mailsTo(people[2]!.email)).toHaveLength(1);
    expect(await mailsTo(people[0]!.email)).toHaveLength(0);
    expect(await mailsTo(people[3]!.email)).toHaveLength(0);
  });

  it('refuses a capacity below the confirmed count, and changes nothing', async () => {
    const boss = await organizer(t.sql);
    const input = eventInput({ capacity: 3 });
    const event = await createEvent(t.db, boss, input);
    for (let i = 0; i < 3; i++) await signUp(t.db, await member(t.sql), event);
    expect(await refusal(updateEvent(t.db, boss, event, { ...input, capacity: 2, titles: { en: 'Changed' } }))).toEqual({
      code: '23514',
      hint: 'events:errors.capacityBelowConfirmed',
    });
    const [row] = await t.sql`select capacity, title_en from app.events where id = ${event}`;
    expect(row).toEqual({ capacity: 3, title_en: 'Volunteers meet' });
    // Equal to the confirmed count is fine; only the event's organizers may edit at all.
    expect(await updateEvent(t.db, boss, event, { ...input, capacity: 3 })).toEqual({ promoted: 0 });
    const stranger = await organizer(t.sql);
    expect(await refusal(updateEvent(t.db, stranger, event, input))).toEqual({ code: 'P0002', hint: 'events:errors.notFound' });
    const co = await organizer(t.sql);
    await t.db.asUser(boss, (tx) => tx`select app.add_event_organizer(${event}::uuid, ${co.userId}::uuid)`);
    expect(await updateEvent(t.db, co, event, { ...input, capacity: 4 })).toEqual({ promoted: 0 });
  });

  it('members leave the waitlist; the queue closes up', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const [a, b, c] = [await member(t.sql), await member(t.sql), await member(t.sql)];
    for (const person of [a, b, c]) await signUp(t.db, person, event);
    expect(await cancel(t.db, b, event)).toMatchObject({ status: 'cancelled', changed: true, promoted: 0 });
    expect(await viewEvent(t.db, c, event)).toMatchObject({ registration: { status: 'waitlisted', position: 1 } });
    expect(await statuses(event)).toEqual({ [a.userId]: 'confirmed', [b.userId]: 'cancelled', [c.userId]: 'waitlisted' });
    await mailNotifications(t.sql, 'https://talaka.test');
    expect(await t.sql`select 1 from app.mail_outbox where to_address in ${t.sql([b.email, c.email])}`).toHaveLength(0);
  });

  it('an erased confirmed member frees their place for the next in line', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const [a, b] = [await member(t.sql), await member(t.sql)];
    await signUp(t.db, a, event);
    await signUp(t.db, b, event);
    await t.sql`delete from auth.users where id = ${a.userId}`;
    expect(await statuses(event)).toEqual({ [b.userId]: 'confirmed' });
    expect(await mailsTo(b.email)).toHaveLength(1);
  });
});
