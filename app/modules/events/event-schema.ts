import { z } from 'zod';

/**
 * The event editor's form (issue 5, acceptance 1), used by the browser (conform) and by the
 * server alike; messages are keys of the `events` namespace (`errors.<key>`, the same keys the
 * SQL refusals carry in their hint). The database checks every rule again
 * (app.event_from_input, migration 20261129030000): this schema is for clear messages next to
 * the fields, the SQL is what holds.
 *
 * Times are local date-times at the venue as a datetime-local field sends them
 * ('2030-03-01T19:00') and are read in the chosen IANA time zone by the database, so daylight
 * saving is the database's business, not the browser's.
 */

export const EVENT_TYPES = ['meeting', 'training', 'conference', 'action', 'online_call'] as const;
export const EVENT_VISIBILITIES = ['members', 'public_teaser'] as const;
export const EVENT_LANGUAGES = ['be', 'en', 'pl'] as const;
export const EVENT_LIMITS = { title: 200, description: 10000, venue: 500, url: 500, capacity: 100000, skills: 20 } as const;

export type EventType = (typeof EVENT_TYPES)[number];
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** An optional one-line text: empty becomes undefined. */
function line(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'errors.controlCharacters')
    .optional()
    .transform((value) => (value ? value : undefined));
}

function text(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !CONTROL_CHARACTERS_BUT_LINES.test(value), 'errors.controlCharacters')
    .optional()
    .transform((value) => (value ? value : undefined));
}

const localDateTime = () =>
  z.string({ required_error: 'errors.date', invalid_type_error: 'errors.date' }).trim().regex(LOCAL_DATE_TIME, 'errors.date');
const optionalLocalDateTime = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || LOCAL_DATE_TIME.test(value), 'errors.date');

/** True when the name is an IANA time zone this runtime knows (the database checks its own list). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name) || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Each field of the form on its own: flat fields, one title and description per language. */
const EventFields = z.object({
    type: z.enum(EVENT_TYPES, { errorMap: () => ({ message: 'errors.type' }) }),
    titleBe: line(EVENT_LIMITS.title, 'errors.titleLength'),
    titleEn: line(EVENT_LIMITS.title, 'errors.titleLength'),
    titlePl: line(EVENT_LIMITS.title, 'errors.titleLength'),
    descriptionBe: text(EVENT_LIMITS.description, 'errors.descriptionLength'),
    descriptionEn: text(EVENT_LIMITS.description, 'errors.descriptionLength'),
    descriptionPl: text(EVENT_LIMITS.description, 'errors.descriptionLength'),
    place: z.enum(['city', 'online'], { errorMap: () => ({ message: 'errors.city' }) }),
    cityId: line(40, 'errors.city'),
    venueAddress: line(EVENT_LIMITS.venue, 'errors.venueLength'),
    onlineUrl: line(EVENT_LIMITS.url, 'errors.onlineUrl').refine((value) => !value || /^https:\/\/\S+$/.test(value), 'errors.onlineUrl'),
    startsAt: localDateTime(),
    endsAt: localDateTime(),
    timeZone: z.string({ required_error: 'errors.timeZone' }).trim().refine(isTimeZone, 'errors.timeZone'),
    capacity: z
      .number({ required_error: 'errors.capacity', invalid_type_error: 'errors.capacity' })
      .int('errors.capacity')
      .min(1, 'errors.capacity')
      .max(EVENT_LIMITS.capacity, 'errors.capacity'),
    registrationOpensAt: optionalLocalDateTime(),
    registrationClosesAt: optionalLocalDateTime(),
    approvalRequired: z.boolean().optional().default(false),
    skills: z
      .array(z.string().trim().regex(/^[a-z0-9-]{2,60}$/, 'errors.skills'))
      .max(EVENT_LIMITS.skills, 'errors.skills')
      .optional()
      .default([]),
    visibility: z.enum(EVENT_VISIBILITIES, { errorMap: () => ({ message: 'errors.visibility' }) }).default('members'),
  });

/** A posted value as text: trimmed, and '' (an empty field) as missing. */
function posted(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
const postedTime = (value: unknown) => {
  const time = posted(value);
  return time && LOCAL_DATE_TIME.test(time) ? time : undefined;
};

/**
 * The rules between fields, read from the posted values themselves, so they are reported together
 * with the single-field errors: zod skips an object's refinements when one of its fields is
 * missing or of the wrong type, and the form would then show these errors only in a second round.
 * It adds no values (`{}`) and asks nothing of the input's type: the fields and their types come
 * from EventFields (hence the type given below, which the form's field types then follow).
 */
const EventCrossFieldRules: z.ZodType<Record<never, never>, z.ZodTypeDef, unknown> = z
  .record(z.unknown())
  .superRefine((form, ctx) => {
    if (!posted(form.titleBe) && !posted(form.titleEn) && !posted(form.titlePl)) {
      for (const path of ['titleBe', 'titleEn', 'titlePl']) ctx.addIssue({ code: 'custom', path: [path], message: 'errors.titleMissing' });
    }
    if (form.place === 'city' && !posted(form.cityId)) ctx.addIssue({ code: 'custom', path: ['cityId'], message: 'errors.city' });
    // Same-zone local times compare as text: 'YYYY-MM-DDTHH:MM' sorts in time order.
    const startsAt = postedTime(form.startsAt);
    const endsAt = postedTime(form.endsAt);
    const opensAt = postedTime(form.registrationOpensAt);
    const closesAt = postedTime(form.registrationClosesAt);
    if (startsAt && endsAt && endsAt <= startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'errors.endBeforeStart' });
    }
    const closes = closesAt ?? startsAt;
    if (opensAt && closes && closes <= opensAt) {
      ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: 'errors.registrationWindow' });
    }
    if (closesAt && endsAt && closesAt > endsAt) {
      ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: 'errors.registrationWindow' });
    }
  })
  .transform(() => ({}));

/** The form as posted: every field's own rules and the rules between them, reported in one round. */
export const EventFormSchema = z.intersection(EventFields, EventCrossFieldRules);
export type EventForm = z.infer<typeof EventFormSchema>;

/** What app.create_event / app.update_event take (the contract in migration 20261129030000). */
export type EventInput = {
  type: EventType;
  titles: Partial<Record<(typeof EVENT_LANGUAGES)[number], string>>;
  descriptions: Partial<Record<(typeof EVENT_LANGUAGES)[number], string>>;
  online: boolean;
  cityId?: string;
  venueAddress?: string;
  onlineUrl?: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number;
  registrationOpensAt?: string;
  registrationClosesAt?: string;
  approvalRequired: boolean;
  skills: string[];
  visibility: EventVisibility;
};

/** The checked form as the SQL input: in-person events carry a city and venue, online ones a link. */
export function toEventInput(form: EventForm): EventInput {
  const online = form.place === 'online';
  return {
    type: form.type,
    titles: { be: form.titleBe, en: form.titleEn, pl: form.titlePl },
    descriptions: { be: form.descriptionBe, en: form.descriptionEn, pl: form.descriptionPl },
    online,
    ...(online ? { onlineUrl: form.onlineUrl } : { cityId: form.cityId, venueAddress: form.venueAddress }),
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    timeZone: form.timeZone,
    capacity: form.capacity,
    registrationOpensAt: form.registrationOpensAt,
    registrationClosesAt: form.registrationClosesAt,
    approvalRequired: form.approvalRequired,
    skills: [...new Set(form.skills)],
    visibility: form.visibility,
  };
}

/** The SQL input (from app.event_input_for_editor) as the form's default values. */
export function toEventForm(input: EventInput): Partial<Record<keyof EventForm, unknown>> {
  return {
    type: input.type,
    titleBe: input.titles.be,
    titleEn: input.titles.en,
    titlePl: input.titles.pl,
    descriptionBe: input.descriptions.be,
    descriptionEn: input.descriptions.en,
    descriptionPl: input.descriptions.pl,
    place: input.online ? 'online' : 'city',
    cityId: input.cityId ?? undefined,
    venueAddress: input.venueAddress ?? undefined,
    onlineUrl: input.onlineUrl ?? undefined,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    capacity: input.capacity,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    approvalRequired: input.approvalRequired,
    skills: input.skills,
    visibility: input.visibility,
  };
}

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  })
  .optional()
  .catch(undefined);

/** Listing filters as the page's query string gives them; unknown or bad values are dropped. */
export const EventFiltersSchema = z.object({
  cityId: z.string().regex(/^[a-z0-9-]{2,40}$/).optional().catch(undefined),
  countryCode: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  online: z.enum(['true', 'false']).transform((value) => value === 'true').optional().catch(undefined),
  from: calendarDay,
  to: calendarDay,
  skill: z.string().regex(/^[a-z0-9-]{2,60}$/).optional().catch(undefined),
  includePast: z.enum(['true', 'false']).transform((value) => value === 'true').optional().catch(undefined),
  offset: z.coerce.number().int().min(0).max(100000).optional().catch(undefined),
});
export type EventFilters = z.infer<typeof EventFiltersSchema> & { limit?: number };
