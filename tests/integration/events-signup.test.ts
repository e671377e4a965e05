import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailNotifications } from '../../app/modules/notifications/mail-notifications.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';
import { cancel, createEvent, eventInput, member, organizer, refusal, signUp, updateEvent } from './events-world';

/**
 * Sign-up (issue 5, acceptance 1 and 3): the editor's input checked in SQL, confirmed while
 * places remain, then waitlisted, pending when approval is required; a repeat returns the same
 * registration; outside the window or for a cancelled event it is refused.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const hour = 3600_000;

describe('creating an event', () => {
  it('only an organizer with a second factor creates one, and becomes its organizer', async () => {
    const boss = await organizer(t.sql);
    const id = await createEvent(t.db, boss);
    const [row] = await t.sql`select organizer_id from app.event_organizers where event_id = ${id}`;
    expect(row!.organizer_id).toBe(boss.userId);

    const someone = await member(t.sql);
    expect(await refusal(createEvent(t.db, someone))).toEqual({ code: '42501', hint: 'events:errors.forbidden' });
    const noFactor = await createUser(t.sql, { roles: ['organizer'] });
    expect(await refusal(createEvent(t.db, { ...noFactor, aal: 'aal1' }))).toEqual({
      code: '42501',
      hint: 'events:errors.secondFactorNeeded',
    });
  });

  it('refuses bad input with a hint the editor translates', async () => {
    const boss = await organizer(t.sql);
    const cases: [Record<string, unknown>, string][] = [
      [{ titles: { en: '  ' } }, 'titleMissing'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 100001 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ cityId: 'atlantis' }, 'city'],
      [{ endsAt: new Date(Date.now()).toISOString() }, 'endBeforeStart'],
      [{ startsAt: 'tomorrow-ish' }, 'date'],
      [{ online: true, cityId: null, venueAddress: null, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      [{ skills: ['no-such-skill'] }, 'skills'],
      [{ type: 'party' }, 'type'],
      [{ visibility: 'everyone' }, 'visibility'],
    ];
    for (const [override, key] of cases) {
      expect(await refusal(createEvent(t.db, boss, eventInput(override))), key).toEqual({
        code: '23514',
        hint: `events:errors.${key}`,
      });
    }
    // An online event keeps no city or venue even if the form sent them.
    const online = await createEvent(t.db, boss, eventInput({ online: true, type: 'online_call', onlineUrl: 'https://meet.example/x' }));
    const [row] = await t.sql`select city_id, venue_address, online_url from app.events where id = ${online}`;
    expect(row).toEqual({ city_id: null, venue_address: null, online_url: 'https://meet.example/x' });
  });
});

describe('signing up', () => {
  it('confirms while places remain, then waitlists in arrival order', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 2 }));
    const people = await Promise.all([1, 2, 3, 4].map(() => member(t.sql)));
    const answers = [];
    for (const person of people) answers.push(await signUp(t.db, person, event));
    expect(answers.map((a) => [a.status, a.position, a.created])).toEqual([
      ['confirmed', null, true],
      ['confirmed', null, true],
      ['waitlisted', 1, true],
      ['waitlisted', 2, true],
    ]);
  });

  it('is idempotent: a repeat returns the same registration and writes one row', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const person = await member(t.sql);
    const [first, second, third] = await Promise.all([signUp(t.db, person, event), signUp(t.db, person, event), signUp(t.db, person, event)]);
    const ids = new Set([first!.registrationId, second!.registrationId, third!.registrationId]);
    expect(ids.size).toBe(1);
    expect([first, second, third].filter((a) => a!.created)).toHaveLength(1);
    expect([first, second, third].every((a) => a!.status === 'confirmed')).toBe(true);
    const rows = await t.sql`select count(*)::int as n from app.event_registrations where event_id = ${event}`;
    expect(rows[0]!.n).toBe(1);
  });

  it('puts sign-ups of an approval-required event on pending; approval confirms or waitlists', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1, approvalRequired: true }));
    const [a, b] = [await member(t.sql), await member(t.sql)];
    expect((await signUp(t.db, a, event)).status).toBe('pending');
    expect((await signUp(t.db, b, event)).status).toBe('pending');
    const approve = (who: string) =>
      t.db.asUser(boss, async (tx) => (await tx`select app.approve_registration(${event}::uuid, ${who}::uuid) as a`)[0]!.a);
    expect(await approve(a.userId)).toMatchObject({ status: 'confirmed', changed: true });
    expect(await approve(b.userId)).toMatchObject({ status: 'waitlisted', position: 1, changed: true });
    // The approved member with a place hears of it; the waitlisted one not yet.
    await mailNotifications(t.sql, 'https://talaka.test');
    const mails = await t.sql`select to_address, template, subject from app.mail_outbox where to_address in ${t.sql([a.email, b.email])}`;
    expect(mails.map((m) => [m.to_address, m.template])).toEqual([[a.email, 'event-approved']]);
    const c = await member(t.sql);
    await signUp(t.db, c, event);
    const declined = await t.db.asUser(boss, async (tx) => (await tx`select app.decline_registration(${event}::uuid, ${c.userId}::uuid) as a`)[0]!.a);
    expect(declined).toMatchObject({ status: 'declined', changed: true });
    // Declined stays declined: signing up again answers with it.
    expect(await signUp(t.db, c, event)).toMatchObject({ status: 'declined', created: false });
    // A member cannot approve, nor can an organizer of another event.
    const other = await organizer(t.sql);
    expect(await refusal(t.db.asUser(a, (tx) => tx`select app.approve_registration(${event}::uuid, ${c.userId}::uuid)`))).toMatchObject({ code: '42501' });
    expect(await refusal(t.db.asUser(other, (tx) => tx`select app.approve_registration(${event}::uuid, ${c.userId}::uuid)`))).toEqual({
      code: 'P0002',
      hint: 'events:errors.notFound',
    });
  });

  it('refuses outside the registration window and for a cancelled event', async () => {
    const boss = await organizer(t.sql);
    const person = await member(t.sql);
    const notYet = await createEvent(t.db, boss, eventInput({ registrationOpensAt: new Date(Date.now() + hour).toISOString() }));
    expect(await refusal(signUp(t.db, person, notYet))).toEqual({ code: '23514', hint: 'events:errors.registrationClosed' });
    const closed = await createEvent(t.db, boss);
    await t.sql`update app.events set registration_opens_at = now() - interval '2 hours', registration_closes_at = now() - interval '1 hour' where id = ${closed}`;
    expect(await refusal(signUp(t.db, person, closed))).toEqual({ code: '23514', hint: 'events:errors.registrationClosed' });
    const cancelled = await createEvent(t.db, boss);
    await t.sql`update app.events set status = 'cancelled' where id = ${cancelled}`;
    expect(await refusal(signUp(t.db, person, cancelled))).toEqual({ code: '23514', hint: 'events:errors.eventCancelled' });
    expect(await refusal(signUp(t.db, person, '00000000-0000-0000-0000-000000000000'))).toEqual({ code: 'P0002', hint: 'events:errors.notFound' });
    const rows = await t.sql`select count(*)::int as n from app.event_registrations where member_id = ${person.userId}`;
    expect(rows[0]!.n).toBe(0);
  });

  it('lets a member who cancelled sign up again, at the end of the queue', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const [a, b, c] = [await member(t.sql), await member(t.sql), await member(t.sql)];
    await signUp(t.db, a, event);
    await signUp(t.db, b, event);
    await signUp(t.db, c, event);
    expect(await cancel(t.db, b, event)).toMatchObject({ status: 'cancelled', changed: true, promoted: 0 });
    expect(await signUp(t.db, b, event)).toMatchObject({ status: 'waitlisted', position: 2, created: true });
    const rows = await t.sql`select count(*)::int as n from app.event_registrations where event_id = ${event}`;
    expect(rows[0]!.n).toBe(3);
    // The edit form round-trips: the organizer reads the input back and saves it unchanged.
    const input = await t.db.asUser(boss, async (tx) => (await tx`select app.event_input_for_editor(${event}::uuid) as i`)[0]!.i);
    expect(await updateEvent(t.db, boss, event, input as Record<string, unknown>)).toEqual({ promoted: 0 });
  });
});

describe('times at the venue', () => {
  it('reads local date-times in the event time zone (summer and winter) and gives them back so', async () => {
    const boss = await organizer(t.sql);
    const input = eventInput({
      startsAt: '2030-07-01T19:00',
      endsAt: '2030-07-01T21:30',
      registrationClosesAt: '2030-06-30T12:00',
      timeZone: 'Europe/Warsaw',
    });
    const summer = await createEvent(t.db, boss, input);
    const winter = await createEvent(t.db, boss, eventInput({ startsAt: '2030-01-10T19:00', endsAt: '2030-01-10T20:00', timeZone: 'America/New_York' }));
    const rows = await t.sql`select id, starts_at, ends_at, registration_closes_at from app.events where id in ${t.sql([summer, winter])}`;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[summer]!.starts_at.toISOString()).toBe('2030-07-01T17:00:00.000Z');
    expect(byId[summer]!.registration_closes_at.toISOString()).toBe('2030-06-30T10:00:00.000Z');
    expect(byId[winter]!.starts_at.toISOString()).toBe('2030-01-11T00:00:00.000Z');
    const back = await t.db.asUser(boss, async (tx) => (await tx`select app.event_input_for_editor(${summer}::uuid) as i`)[0]!.i);
    expect(back).toMatchObject({ startsAt: '2030-07-01T19:00', endsAt: '2030-07-01T21:30', registrationClosesAt: '2030-06-30T12:00', timeZone: 'Europe/Warsaw' });
    for (const bad of ['infinity', 'tomorrow', '2030-02-30T10:00', '10:00']) {
      expect(await refusal(createEvent(t.db, boss, eventInput({ startsAt: bad }))), bad).toEqual({ code: '23514', hint: 'events:errors.date' });
    }
  });
});
