import { describe, expect, it } from 'vitest';
import { EventFiltersSchema, EventFormSchema, isTimeZone, toEventForm, toEventInput } from './event-schema';

/** The event editor's form: the rules the database holds, checked early for clear messages. */
const valid = {
  type: 'meeting',
  titleBe: 'Сустрэча',
  place: 'city',
  cityId: 'warsaw',
  venueAddress: 'ul. Tajna 1',
  startsAt: '2030-07-01T19:00',
  endsAt: '2030-07-01T21:00',
  timeZone: 'Europe/Warsaw',
  capacity: 20,
};

const errors = (input: object) => {
  const result = EventFormSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('EventFormSchema', () => {
  it('accepts a valid form and builds the SQL input', () => {
    const form = EventFormSchema.parse({ ...valid, titleEn: '  ', skills: ['media', 'media'], onlineUrl: 'https://x.example' });
    const input = toEventInput(form);
    expect(input).toMatchObject({
      type: 'meeting',
      titles: { be: 'Сустрэча', en: undefined },
      online: false,
      cityId: 'warsaw',
      venueAddress: 'ul. Tajna 1',
      skills: ['media'],
      visibility: 'members',
      approvalRequired: false,
    });
    // An in-person event sends no link, an online one no city or venue.
    expect(input).not.toHaveProperty('onlineUrl');
    const online = toEventInput(EventFormSchema.parse({ ...valid, place: 'online', onlineUrl: 'https://meet.example/a' }));
    expect(online).toMatchObject({ online: true, onlineUrl: 'https://meet.example/a' });
    expect(online).not.toHaveProperty('venueAddress');
    const clean = EventFormSchema.parse({ ...valid, skills: ['media'], approvalRequired: true, registrationClosesAt: '2030-07-01T12:00' });
    expect(EventFormSchema.parse(toEventForm(toEventInput(clean)))).toEqual(clean);
  });

  it('names the field and the key for each mistake', () => {
    expect(errors({ ...valid, titleBe: '' })).toMatchObject({ titleBe: 'errors.titleMissing', titleEn: 'errors.titleMissing' });
    expect(errors({ ...valid, titleBe: 'x'.repeat(201) })).toMatchObject({ titleBe: 'errors.titleLength' });
    expect(errors({ ...valid, endsAt: '2030-07-01T18:00' })).toMatchObject({ endsAt: 'errors.endBeforeStart' });
    expect(errors({ ...valid, capacity: 0 })).toMatchObject({ capacity: 'errors.capacity' });
    expect(errors({ ...valid, capacity: 1.5 })).toMatchObject({ capacity: 'errors.capacity' });
    expect(errors({ ...valid, timeZone: 'Mars/Base' })).toMatchObject({ timeZone: 'errors.timeZone' });
    expect(errors({ ...valid, cityId: undefined })).toMatchObject({ cityId: 'errors.city' });
    expect(errors({ ...valid, place: 'online', onlineUrl: 'http://plain.example' })).toMatchObject({ onlineUrl: 'errors.onlineUrl' });
    expect(errors({ ...valid, startsAt: 'tomorrow' })).toMatchObject({ startsAt: 'errors.date' });
    expect(errors({ ...valid, registrationOpensAt: '2030-07-01T20:00' })).toMatchObject({ registrationClosesAt: 'errors.registrationWindow' });
    expect(errors({ ...valid, type: 'party' })).toMatchObject({ type: 'errors.type' });
    expect(errors({ ...valid, titleBe: 'a\u0000b' })).toMatchObject({ titleBe: 'errors.controlCharacters' });
  });

  it('reports the rules between fields in the same round as a missing or wrong field', () => {
    const { capacity: _capacity, type: _type, ...withoutCapacityAndType } = valid;
    expect(errors({ ...withoutCapacityAndType, titleBe: ' ', endsAt: '2030-07-01T18:00', registrationClosesAt: '2030-07-02T12:00' })).toEqual({
      capacity: 'errors.capacity',
      type: 'errors.type',
      titleBe: 'errors.titleMissing',
      titleEn: 'errors.titleMissing',
      titlePl: 'errors.titleMissing',
      endsAt: 'errors.endBeforeStart',
      registrationClosesAt: 'errors.registrationWindow',
    });
    // An unreadable time is that field's own error; the rules between fields skip it.
    expect(errors({ ...valid, startsAt: 'tomorrow', endsAt: '2030-07-01T18:00' })).toEqual({ startsAt: 'errors.date' });
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Vilnius')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
    expect(isTimeZone('../etc/passwd')).toBe(false);
  });
});

describe('EventFiltersSchema', () => {
  it('keeps good filters and drops bad ones without failing', () => {
    expect(EventFiltersSchema.parse({ cityId: 'warsaw', online: 'true', from: '2030-01-31', to: '2030-02-30', skill: 'DROP TABLE' })).toEqual({
      cityId: 'warsaw',
      online: true,
      from: '2030-01-31',
    });
  });
});
