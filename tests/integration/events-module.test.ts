import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRegistration,
  createEvent,
  decideRegistration,
  eventAttendees,
  eventForViewer,
  eventInputForEditor,
  listEvents,
  publicEventTeasers,
  purgeEventRegistrations,
  signUpForEvent,
  updateEvent,
} from '../../app/modules/events/events.server';
import { EventFormSchema, toEventInput } from '../../app/modules/events/event-schema';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { member, organizer } from './events-world';

/**
 * The server module the event pages call (app/modules/events): the editor form, checked by the
 * shared schema, goes through SQL as the caller; refusals come back as `events` keys with a
 * status, never as a thrown database error.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const form = {
  type: 'training',
  titleEn: 'Digital safety training',
  titleBe: 'Трэнінг па лічбавай бяспецы',
  place: 'city',
  cityId: 'vilnius',
  venueAddress: 'Gedimino pr. 1',
  startsAt: '2031-05-10T18:00',
  endsAt: '2031-05-10T20:00',
  timeZone: 'Europe/Vilnius',
  capacity: 1,
  visibility: 'public_teaser',
};

describe('the events module', () => {
  it('creates from the form, signs up, shows, lists and refuses with keys', async () => {
    const boss = await organizer(t.sql);
    const input = toEventInput(EventFormSchema.parse(form));
    const created = await createEvent(boss, input, t.db);
    if (!created.ok) throw new Error(created.error);
    const event = created.value;
    const [a, b] = [await member(t.sql), await member(t.sql)];

    expect(await signUpForEvent(a, event, t.db)).toMatchObject({ ok: true, value: { status: 'confirmed', created: true } });
    expect(await signUpForEvent(b, event, t.db)).toMatchObject({ ok: true, value: { status: 'waitlisted', position: 1 } });

    const seen = await eventForViewer(b, event, t.db);
    expect(seen).toMatchObject({ ok: true, value: { venueAddress: null, registration: { status: 'waitlisted', position: 1 } } });
    if (seen.ok) expect(seen.value!.startsAt.toISOString()).toBe('2031-05-10T15:00:00.000Z');

    const listed = await listEvents(b, { cityId: 'vilnius' }, t.db);
    expect(listed.ok && listed.value.map((card) => [card.id, card.myStatus, card.attendeeCount])).toEqual([[event, 'waitlisted', 'lt5']]);
    const teasers = await publicEventTeasers({}, t.sql);
    expect(teasers.find((teaser) => teaser.id === event)).toMatchObject({ day: '2031-05-10', titles: { en: 'Digital safety training' } });

    expect(await updateEvent(boss, event, { ...input, capacity: 0 }, t.db)).toEqual({ ok: false, error: 'errors.capacity', status: 400 });
    expect(await eventAttendees(a, event, t.db)).toEqual({ ok: false, error: 'errors.forbidden', status: 403 });
    expect(await decideRegistration(boss, event, a.userId, true, t.db)).toMatchObject({ ok: true, value: { status: 'confirmed', changed: false } });

    expect(await cancelRegistration(a, event, t.db)).toMatchObject({ ok: true, value: { status: 'cancelled', promoted: 1 } });
    const list = await eventAttendees(boss, event, t.db);
    expect(list.ok && list.value.map((row) => row.status)).toEqual(['confirmed', 'cancelled']);
    expect(await eventInputForEditor(boss, event, t.db)).toMatchObject({ ok: true, value: { startsAt: '2031-05-10T18:00', cityId: 'vilnius' } });
    expect(await purgeEventRegistrations(t.sql)).toBe(0);
  });

  it('answers an unknown event with notFound and a closed one with registrationClosed', async () => {
    const someone = await member(t.sql);
    expect(await signUpForEvent(someone, '00000000-0000-0000-0000-000000000000', t.db)).toEqual({ ok: false, error: 'errors.notFound', status: 404 });
    const boss = await organizer(t.sql);
    const created = await createEvent(boss, toEventInput(EventFormSchema.parse({ ...form, registrationOpensAt: '2031-05-01T00:00' })), t.db);
    expect(await signUpForEvent(someone, created.ok ? created.value : '', t.db)).toEqual({ ok: false, error: 'errors.registrationClosed', status: 409 });
    expect(await eventForViewer(someone, '00000000-0000-0000-0000-000000000000', t.db)).toEqual({ ok: true, value: null });
  });
});
