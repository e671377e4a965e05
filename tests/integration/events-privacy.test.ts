import type { JSONValue } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';
import { createEvent, eventInput, member, organizer, refusal, signUp, viewEvent, type Who } from './events-world';

/**
 * Privacy of events (issue 5, acceptance 2 and 6; SECURITY T8), as each actor: the venue and
 * the link reach confirmed attendees and the event's organizers only; the attendee list only
 * its organizers; no public count below 5; anon reaches nothing; the retention job forgets who
 * came and keeps anonymous totals.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const attendees = (who: Who, event: string) => t.db.asUser(who, (tx) => tx`select * from app.event_attendees(${event}::uuid)`);
const list = (who: Who, filters: object = {}) =>
  t.db.asUser(who, (tx) => tx`select * from app.list_events(${tx.json(filters as JSONValue)}::jsonb)`);

describe('who sees the venue, the link and the list', () => {
  it('venue only to the confirmed attendee and the event organizers', async () => {
    const boss = await organizer(t.sql);
    const co = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    await t.db.asUser(boss, (tx) => tx`select app.add_event_organizer(${event}::uuid, ${co.userId}::uuid)`);
    const approvalEvent = await createEvent(t.db, boss, eventInput({ approvalRequired: true }));
    const [confirmed, waitlisted, pending, bystander] = [await member(t.sql), await member(t.sql), await member(t.sql), await member(t.sql)];
    const otherOrganizer = await organizer(t.sql);
    await signUp(t.db, confirmed, event);
    await signUp(t.db, waitlisted, event);
    await signUp(t.db, pending, approvalEvent);

    for (const who of [boss, co, confirmed]) {
      expect((await viewEvent(t.db, who, event))!.venueAddress).toBe('ul. Tajna 1, Warszawa');
    }
    for (const who of [waitlisted, bystander, otherOrganizer]) {
      const seen = await viewEvent(t.db, who, event);
      expect(seen).toMatchObject({ venueAddress: null, onlineUrl: null, counts: null, attendeeCount: 'lt5' });
      expect(JSON.stringify(seen)).not.toContain('Tajna');
    }
    expect((await viewEvent(t.db, pending, approvalEvent))!.venueAddress).toBeNull();
    // The organizer without a second factor in this session sees no venue either.
    expect((await viewEvent(t.db, { ...boss, aal: 'aal1' }, event))!.venueAddress).toBeNull();
    // Anon calls nothing at all.
    expect(await refusal(t.db.asAnon((tx) => tx`select app.event_for_viewer(${event}::uuid)`))).toMatchObject({ code: '42501' });
    expect(await refusal(t.db.asAnon((tx) => tx`select * from app.list_events('{}')`))).toMatchObject({ code: '42501' });
    expect(await refusal(t.db.asAnon((tx) => tx`select * from app.public_event_teasers('{}')`))).toMatchObject({ code: '42501' });
    expect(await refusal(t.db.asAnon((tx) => tx`select * from app.events`))).toMatchObject({ code: '42501' });
    expect(await refusal(t.db.asUser(confirmed, (tx) => tx`select * from app.event_registrations`))).toMatchObject({ code: '42501' });
  });

  it('the online link only to the confirmed attendee and the organizers', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1, online: true, type: 'online_call', onlineUrl: 'https://call.example/abc' }));
    const [a, b] = [await member(t.sql), await member(t.sql)];
    await signUp(t.db, a, event);
    await signUp(t.db, b, event);
    expect((await viewEvent(t.db, a, event))!.onlineUrl).toBe('https://call.example/abc');
    expect((await viewEvent(t.db, boss, event))!.onlineUrl).toBe('https://call.example/abc');
    expect((await viewEvent(t.db, b, event))!.onlineUrl).toBeNull();
  });

  it('the attendee list only to the event organizers', async () => {
    const boss = await organizer(t.sql, 'Boss');
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const a = await member(t.sql, 'Alesia');
    const b = await member(t.sql, 'Barys');
    await signUp(t.db, a, event);
    await signUp(t.db, b, event);
    const rows = await attendees(boss, event);
    expect(rows.map((r) => [r.display_name, r.status, r.queue_position])).toEqual([
      ['Alesia', 'confirmed', null],
      ['Barys', 'waitlisted', 1],
    ]);
    expect(await refusal(attendees(a, event))).toEqual({ code: '42501', hint: 'events:errors.forbidden' });
    expect(await refusal(attendees(await organizer(t.sql), event))).toEqual({ code: 'P0002', hint: 'events:errors.notFound' });
    expect(await refusal(attendees({ ...boss, aal: 'aal1' }, event))).toMatchObject({ code: '42501' });
  });
});

describe('listing', () => {
  it('upcoming by default, filtered, teaser columns only, count from 5 up', async () => {
    const boss = await organizer(t.sql);
    const skill = (await t.sql`select id from app.skills order by id limit 1`)[0]!.id as string;
    const warsaw = await createEvent(t.db, boss, eventInput({ skills: [skill], capacity: 10 }));
    const vilnius = await createEvent(t.db, boss, eventInput({ cityId: 'vilnius' }));
    const online = await createEvent(t.db, boss, eventInput({ online: true, type: 'online_call' }));
    const past = await createEvent(t.db, boss);
    await t.sql`update app.events set starts_at = now() - interval '3 days', ends_at = now() - interval '2 days',
                registration_opens_at = now() - interval '9 days', registration_closes_at = now() - interval '3 days' where id = ${past}`;
    const viewer = await member(t.sql);
    const ids = async (filters: object) => (await list(viewer, filters)).map((r) => r.id).filter((id) => [warsaw, vilnius, online, past].includes(id));
    expect(new Set(await ids({}))).toEqual(new Set([warsaw, vilnius, online]));
    expect(await ids({ includePast: true })).toContain(past);
    expect(await ids({ cityId: 'warsaw' })).toEqual([warsaw]);
    expect(await ids({ countryCode: 'LT' })).toEqual([vilnius]);
    expect(await ids({ online: true })).toEqual([online]);
    expect(await ids({ skill })).toEqual([warsaw]);
    const later = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    expect(await ids({ from: later })).toEqual([]);

    const [row] = (await list(viewer, { cityId: 'warsaw' })).filter((r) => r.id === warsaw);
    expect(Object.keys(row!)).not.toContain('venue_address');
    expect(JSON.stringify(row)).not.toContain('Tajna');
    expect(row!.attendee_count).toBe('lt5');
    for (let i = 0; i < 5; i++) await signUp(t.db, await member(t.sql), warsaw);
    expect((await list(viewer, { cityId: 'warsaw' })).find((r) => r.id === warsaw)!.attendee_count).toBe(5);
    expect((await list(boss, { cityId: 'warsaw' })).find((r) => r.id === warsaw)).toMatchObject({ organizing: true, attendee_count: 5 });
  });

  it('public teasers: day only, no venue, no time, no count below 5', async () => {
    const boss = await organizer(t.sql);
    const teaser = await createEvent(t.db, boss, eventInput({ visibility: 'public_teaser', startsAt: '2030-03-01T23:30:00Z', endsAt: '2030-03-02T01:30:00Z' }));
    const hidden = await createEvent(t.db, boss, eventInput({ startsAt: '2030-03-01T10:00:00Z', endsAt: '2030-03-01T12:00:00Z' }));
    const rows = await t.sql`select * from app.public_event_teasers('{}')`;
    expect(rows.map((r) => r.id)).toContain(teaser);
    expect(rows.map((r) => r.id)).not.toContain(hidden);
    const row = rows.find((r) => r.id === teaser)!;
    expect(Object.keys(row).sort()).toEqual(['attendee_count', 'city_id', 'country_code', 'day', 'descriptions', 'id', 'online', 'time_zone', 'titles', 'type']);
    // 23:30 UTC is already 2 March in Warsaw: the day is the venue's.
    expect(row.day.toISOString().slice(0, 10)).toBe('2030-03-02');
    expect(row.attendee_count).toBe('lt5');
  });

  it('public teasers page over public events only: members-only events take no place on a page', async () => {
    const boss = await organizer(t.sql);
    const at = (day: number, hour: number) => `2031-0${day}-01T${String(hour).padStart(2, '0')}:00:00Z`;
    // Interleaved: members-only, public, members-only, public, public — all in one future stretch of its own.
    const made: { id: string; open: boolean }[] = [];
    for (const [i, open] of [false, true, false, true, true].entries()) {
      const id = await createEvent(t.db, boss, eventInput({ visibility: open ? 'public_teaser' : 'members', startsAt: at(4, 8 + i), endsAt: at(4, 9 + i) }));
      made.push({ id, open });
    }
    const window = { from: '2031-04-01', to: '2031-04-01' };
    const page = async (offset: number) =>
      (await t.sql`select id from app.public_event_teasers(${t.sql.json({ ...window, limit: 2, offset })})`).map((r) => r.id);
    const open = made.filter((event) => event.open).map((event) => event.id);
    expect(await page(0)).toEqual(open.slice(0, 2));
    expect(await page(2)).toEqual(open.slice(2));
  });
});

describe('retention and erasure', () => {
  it('deletes registrations 30 days after the event and keeps anonymous totals', async () => {
    const boss = await organizer(t.sql);
    const old = await createEvent(t.db, boss, eventInput({ capacity: 2 }));
    const recent = await createEvent(t.db, boss, eventInput({ capacity: 2 }));
    const people = [await member(t.sql), await member(t.sql), await member(t.sql)];
    for (const person of people) {
      await signUp(t.db, person, old);
      await signUp(t.db, person, recent);
    }
    await t.sql`update app.event_registrations set checked_in_at = now() where event_id = ${old} and member_id = ${people[0]!.userId}`;
    await t.sql`update app.events set starts_at = now() - interval '32 days', ends_at = now() - interval '31 days',
                registration_opens_at = now() - interval '40 days', registration_closes_at = now() - interval '32 days' where id = ${old}`;
    await t.sql`update app.events set starts_at = now() - interval '30 days', ends_at = now() - interval '29 days',
                registration_opens_at = now() - interval '40 days', registration_closes_at = now() - interval '30 days' where id = ${recent}`;

    const [{ removed }] = (await t.sql`select app.purge_event_registrations() as removed`) as unknown as [{ removed: number }];
    expect(removed).toBe(3);
    expect(await t.sql`select 1 from app.event_registrations where event_id = ${old}`).toHaveLength(0);
    expect(await t.sql`select 1 from app.event_registrations where event_id = ${recent}`).toHaveLength(3);
    const [totals] = await t.sql`select confirmed, waitlisted, checked_in from app.event_totals where event_id = ${old}`;
    expect(totals).toEqual({ confirmed: 2, waitlisted: 1, checked_in: 1 });
    // A second run changes nothing; no request role may run it.
    expect((await t.sql`select app.purge_event_registrations() as removed`)[0]!.removed).toBe(0);
    expect(await refusal(t.db.asUser(boss, (tx) => tx`select app.purge_event_registrations()`))).toMatchObject({ code: '42501' });
  });

  it('an erased organizer leaves the event intact; an erased member takes their registration along', async () => {
    const boss = await createUser(t.sql, { roles: ['organizer'] });
    const { giveVerifiedFactor } = await import('../support/second-factor');
    await giveVerifiedFactor(t.sql, boss.userId);
    const event = await createEvent(t.db, boss);
    const person = await member(t.sql);
    await signUp(t.db, person, event);
    await t.sql`delete from auth.users where id = ${boss.userId}`;
    const [row] = await t.sql`select created_by, status::text from app.events where id = ${event}`;
    expect(row).toEqual({ created_by: null, status: 'scheduled' });
    expect(await t.sql`select 1 from app.event_organizers where event_id = ${event}`).toHaveLength(0);
    expect((await viewEvent(t.db, person, event))!.venueAddress).toBe('ul. Tajna 1, Warszawa');
    await t.sql`delete from auth.users where id = ${person.userId}`;
    expect(await t.sql`select 1 from app.event_registrations where event_id = ${event}`).toHaveLength(0);
  });
});
