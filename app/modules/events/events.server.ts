import type { JSONValue } from 'postgres';
import type { Db, Identity, Sql } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { attempt } from './event-errors.server';
import type { Attendee, EventCard, EventForViewer, EventTeaser, RegistrationAnswer } from './event-model';
import type { EventFilters, EventInput } from './event-schema';

/**
 * Events through the definer functions of migrations 20261129030000–030200, always as the
 * caller (they check the power, the organizer and the privacy rules; ADR 022). Each function
 * returns `{ ok: true, value }` or a translated refusal key (`errors.<key>` of `events`).
 * `db` defaults to the runtime's; tests pass their own.
 */

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;
const json = (value: unknown) => value as JSONValue;
const database = (db?: Db) => db ?? runtime().db;

/** Organizers with a second factor: a new event from the checked editor input; its id. */
export function createEvent(who: Who, input: EventInput, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => (await tx`select app.create_event(${tx.json(json(input))}::jsonb) as id`)[0]!.id as string),
  );
}

/** The event's organizers: replaces the event; more capacity promotes (how many moved). */
export function updateEvent(who: Who, event: string, input: EventInput, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => {
      const [row] = await tx`select app.update_event(${event}::uuid, ${tx.json(json(input))}::jsonb) as answer`;
      return row!.answer as { promoted: number };
    }),
  );
}

/** The event's organizers: the event in the editor's input shape (local times at the venue). */
export function eventInputForEditor(who: Who, event: string, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => (await tx`select app.event_input_for_editor(${event}::uuid) as input`)[0]!.input as EventInput),
  );
}

/** The event's organizers: adds another organizer as co-organizer. */
export function addEventOrganizer(who: Who, event: string, organizer: string, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => (await tx`select app.add_event_organizer(${event}::uuid, ${organizer}::uuid) as added`)[0]!.added as boolean),
  );
}

function registrationCall(sqlCall: (tx: Parameters<Parameters<Db['asUser']>[1]>[0]) => Promise<readonly { answer: unknown }[]>) {
  return async (tx: Parameters<Parameters<Db['asUser']>[1]>[0]) => (await sqlCall(tx))[0]!.answer as RegistrationAnswer;
}

/** Members: sign up (idempotent); confirmed, waitlisted or pending. */
export function signUpForEvent(who: Who, event: string, db?: Db) {
  return attempt(() => database(db).asUser(who, registrationCall((tx) => tx`select app.sign_up_for_event(${event}::uuid) as answer`)));
}

/** The member: cancels their place or leaves the waitlist; a freed place goes on at once. */
export function cancelRegistration(who: Who, event: string, db?: Db) {
  return attempt(() => database(db).asUser(who, registrationCall((tx) => tx`select app.cancel_registration(${event}::uuid) as answer`)));
}

/** The event's organizers: approve or decline a pending sign-up. */
export function decideRegistration(who: Who, event: string, member: string, approve: boolean, db?: Db) {
  return attempt(() =>
    database(db).asUser(
      who,
      registrationCall((tx) =>
        approve
          ? tx`select app.approve_registration(${event}::uuid, ${member}::uuid) as answer`
          : tx`select app.decline_registration(${event}::uuid, ${member}::uuid) as answer`,
      ),
    ),
  );
}

/** Members: the listing (upcoming unless includePast), teaser columns only. */
export function listEvents(who: Who, filters: EventFilters = {}, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => {
      const rows = await tx`select * from app.list_events(${tx.json(json(filters))}::jsonb)`;
      return rows.map(
        (row): EventCard => ({
          id: row.id,
          type: row.type,
          titles: row.titles,
          cityId: row.city_id,
          countryCode: row.country_code,
          online: row.online,
          startsAt: row.starts_at,
          endsAt: row.ends_at,
          timeZone: row.time_zone,
          status: row.status,
          visibility: row.visibility,
          approvalRequired: row.approval_required,
          skills: row.skills,
          attendeeCount: row.attendee_count,
          hasPlaces: row.has_places,
          myStatus: row.my_status,
          organizing: row.organizing,
        }),
      );
    }),
  );
}

/**
 * Public teasers for signed-out visitors. Nobody holds EXECUTE on app.public_event_teasers
 * (no definer function is open to anon, T5), so this reads on the system connection; the
 * function itself returns only teaser columns.
 */
export async function publicEventTeasers(filters: EventFilters = {}, system?: Sql): Promise<EventTeaser[]> {
  const sql = system ?? runtime().db.system;
  const rows = await sql`select id, type, titles, descriptions, city_id, country_code, online, day::text as day, time_zone, attendee_count
                         from app.public_event_teasers(${sql.json(json(filters))}::jsonb)`;
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    titles: row.titles,
    descriptions: row.descriptions,
    cityId: row.city_id,
    countryCode: row.country_code,
    online: row.online,
    day: row.day,
    timeZone: row.time_zone,
    attendeeCount: row.attendee_count,
  }));
}

/** Members: one event as the caller may see it; null when unknown. */
export function eventForViewer(who: Who, event: string, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => {
      const [row] = await tx`select app.event_for_viewer(${event}::uuid) as event`;
      const raw = row?.event as Record<string, unknown> | null;
      if (!raw) return null;
      const moment = (key: string) => new Date(raw[key] as string);
      return {
        ...raw,
        startsAt: moment('startsAt'),
        endsAt: moment('endsAt'),
        registrationOpensAt: moment('registrationOpensAt'),
        registrationClosesAt: moment('registrationClosesAt'),
      } as unknown as EventForViewer;
    }),
  );
}

/** The event's organizers only: who registered, with statuses and waitlist places. */
export function eventAttendees(who: Who, event: string, db?: Db) {
  return attempt(() =>
    database(db).asUser(who, async (tx) => {
      const rows = await tx`select * from app.event_attendees(${event}::uuid)`;
      return rows.map(
        (row): Attendee => ({
          memberId: row.member_id,
          displayName: row.display_name,
          status: row.status,
          position: row.queue_position,
          registeredAt: row.registered_at,
          checkedInAt: row.checked_in_at,
        }),
      );
    }),
  );
}

/** The retention job (system connection): forgets registrations of events ended long enough ago. */
export async function purgeEventRegistrations(system: Sql, olderThanDays = 30): Promise<number> {
  const [row] = await system`select app.purge_event_registrations(make_interval(days => ${olderThanDays})) as removed`;
  return row!.removed as number;
}
