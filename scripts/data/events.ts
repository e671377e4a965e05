import { createDb, type Sql } from '../../app/platform/db/client.server';
import { copyRows } from './copy';
import { eventCount, generateEvent, organizerCount, type EventReference, type GeneratedEvent } from './events-model';
import { cityWeights, GENERATED_DOMAIN } from './member';
import { createRandom } from './random';
import type { Step } from './steps';

/**
 * The events step of `npm run db:generate` (issue 6, acceptance 1): a few hundred generated
 * members get the organizer power, then one event per 100 members with their organizers,
 * skills and registrations, all by COPY in one transaction. Times are written as local
 * date-times and read in each event's IANA zone by PostgreSQL (`at time zone`), as the editor's
 * input is. Registrations are inserted in arrival order so that queue_no (the waitlist order)
 * follows it; the check-in trigger gives every confirmed one its code.
 *
 * A fraction of the sign-ups (a few per 50 events) then goes through app.sign_up_for_event() as
 * the member, the app's own path, so the copied rows and the function's rules meet in one
 * database (a queue the function extends must be the queue the copy wrote).
 *
 * Generated events are known by the mark below in their id (also after `--reset` dropped their
 * organizers).
 */
const GENERATED_EMAILS = `%@${GENERATED_DOMAIN}`;
/** The first group of every generated event's id: a reset or a regeneration finds them by it. */
export const GENERATED_EVENT_MARK = 'e7e7e7e7';

/** How many generated events, registrations and organizers the database holds. */
export async function generatedEventsState(sql: Sql) {
  const [row] = await sql`
    select (select count(*) from app.events where id::text like ${`${GENERATED_EVENT_MARK}-%`})::int as events,
           (select count(*) from app.event_registrations r where r.event_id::text like ${`${GENERATED_EVENT_MARK}-%`})::int as registrations,
           (select count(*) from app.user_roles r join auth.users u on u.id = r.user_id
            where r.role = 'organizer' and u.email like ${GENERATED_EMAILS})::int as organizers`;
  return row as { events: number; registrations: number; organizers: number };
}

/** Drops generated events (registrations and totals with them) and the organizer power of generated members. */
export async function dropGeneratedEvents(sql: Sql, log: (line: string) => void) {
  await sql.begin(async (tx) => {
    const events = await tx`delete from app.events where id::text like ${`${GENERATED_EVENT_MARK}-%`}`;
    await tx`delete from app.user_roles r using auth.users u
             where u.id = r.user_id and r.role = 'organizer' and u.email like ${GENERATED_EMAILS}`;
    if (events.count > 0) log(`Dropped ${events.count} generated events.`);
  });
}

async function readEventReference(sql: Sql, seed: number, profiles: number): Promise<EventReference & { random: ReturnType<typeof createRandom> }> {
  const cities = await sql`select id, country_code from app.cities order by id`;
  const skills = await sql`select id from app.skills order by id`;
  const members = await sql`
    select p.id, p.city_id from app.profiles p join auth.users u on u.id = p.id
    where u.email like ${`member-${seed}-%@${GENERATED_DOMAIN}`} order by p.id`;
  const membersByCity = new Map<string, string[]>();
  for (const m of members) {
    if (!m.city_id) continue;
    const list = membersByCity.get(m.city_id as string) ?? [];
    list.push(m.id as string);
    membersByCity.set(m.city_id as string, list);
  }
  const allMembers = members.map((m) => m.id as string);
  const random = createRandom(seed * 7_919 + 424_242);
  const organizers = random.sample(allMembers, Math.min(allMembers.length, organizerCount(profiles)));
  return {
    random,
    cities: cityWeights({ cities: cities.map((c) => ({ id: c.id as string, countryCode: c.country_code as string })), skillsByCategory: new Map() }),
    skills: skills.map((s) => s.id as string),
    membersByCity,
    allMembers,
    organizers,
  };
}

/** Writes the events by COPY: temporary tables, then one INSERT … SELECT each (times read in the zone). */
async function writeEvents(sql: Sql, organizers: readonly string[], events: GeneratedEvent[]) {
  await sql.begin(async (tx) => {
    // Organizers past probation, as the vetting leaves them.
    await copyRows(tx, 'app.user_roles', ['user_id', 'role', 'granted_at'],
      organizers.map((id) => [id, 'organizer', new Date(Date.now() - 120 * 86_400_000)] as const));
    await tx`create temporary table generated_events (
      id uuid, type app.event_type, title_be text, title_en text, title_pl text, description_be text, description_en text,
      description_pl text, city_id text, online boolean, online_url text, venue_address text, local_start timestamp,
      duration_minutes int, time_zone text, capacity int, opens_days int, approval_required boolean,
      visibility app.event_visibility, status app.event_status, created_by uuid
    ) on commit drop`;
    await copyRows(tx, 'generated_events',
      ['id', 'type', 'title_be', 'title_en', 'title_pl', 'description_be', 'description_en', 'description_pl', 'city_id', 'online',
        'online_url', 'venue_address', 'local_start', 'duration_minutes', 'time_zone', 'capacity', 'opens_days', 'approval_required',
        'visibility', 'status', 'created_by'],
      events.map((e) => [e.id, e.type, e.titles.be, e.titles.en, e.titles.pl, e.descriptions.be, e.descriptions.en, e.descriptions.pl,
        e.cityId, e.online, e.onlineUrl, e.venueAddress, e.localStart, e.durationMinutes, e.timeZone, e.capacity, e.opensDaysBefore,
        e.approvalRequired, e.visibility, e.status, e.organizers[0]]));
    await tx`
      insert into app.events (id, type, title_be, title_en, title_pl, description_be, description_en, description_pl, city_id, online,
        online_url, venue_address, starts_at, ends_at, time_zone, capacity, registration_opens_at, registration_closes_at,
        approval_required, visibility, status, created_by, created_at, updated_at)
      select id, type, title_be, title_en, title_pl, description_be, description_en, description_pl, city_id, online,
        online_url, venue_address, s.starts_at, s.starts_at + make_interval(mins => duration_minutes), time_zone, capacity,
        s.starts_at - make_interval(days => opens_days), s.starts_at, approval_required, visibility, status, created_by,
        s.starts_at - make_interval(days => opens_days + 2), s.starts_at - make_interval(days => opens_days + 2)
      from generated_events g, lateral (select g.local_start at time zone g.time_zone as starts_at) s`;
    await copyRows(tx, 'app.event_organizers', ['event_id', 'organizer_id'],
      events.flatMap((e) => e.organizers.map((o) => [e.id, o] as const)));
    await copyRows(tx, 'app.event_skills', ['event_id', 'skill_id'], events.flatMap((e) => e.skills.map((s) => [e.id, s] as const)));
    await tx`create temporary table generated_registrations (
      n bigint, event_id uuid, member_id uuid, status app.registration_status, arrival float8, checked_in_minutes int
    ) on commit drop`;
    let n = 0;
    await copyRows(tx, 'generated_registrations', ['n', 'event_id', 'member_id', 'status', 'arrival', 'checked_in_minutes'],
      events.flatMap((e) => e.registrations.map((r) => [n++, e.id, r.memberId, r.status, r.arrival, r.checkedInMinutes] as const)));
    // In arrival order, so queue_no (drawn from its sequence row by row) is the waitlist order.
    await tx`
      insert into app.event_registrations (event_id, member_id, status, created_at, updated_at, checked_in_at)
      select g.event_id, g.member_id, g.status, t.at, t.at, e.starts_at + make_interval(mins => g.checked_in_minutes)
      from generated_registrations g join app.events e on e.id = g.event_id,
      lateral (select e.registration_opens_at
                      + g.arrival * (least(e.registration_closes_at, now()) - e.registration_opens_at) as at) t
      order by g.n`;
    await tx`create temporary table generated_totals (event_id uuid, confirmed int, waitlisted int, checked_in int) on commit drop`;
    await copyRows(tx, 'generated_totals', ['event_id', 'confirmed', 'waitlisted', 'checked_in'],
      events.filter((e) => e.totals).map((e) => [e.id, e.totals!.confirmed, e.totals!.waitlisted, e.totals!.checkedIn] as const));
    await tx`
      insert into app.event_totals (event_id, confirmed, waitlisted, checked_in, purged_at)
      select g.event_id, g.confirmed, g.waitlisted, g.checked_in, e.ends_at + interval '30 days'
      from generated_totals g join app.events e on e.id = g.event_id`;
  });
}

/**
 * Sign-ups through app.sign_up_for_event() as each member: three newcomers for one upcoming,
 * open, scheduled event in 50 without approval. Returns how many went through.
 */
async function signUpThroughFunction(sql: Sql, events: GeneratedEvent[], reference: EventReference, random: ReturnType<typeof createRandom>) {
  const open = await sql`
    select id from app.events
    where id = any(${events.map((e) => e.id)}::uuid[]) and status = 'scheduled' and not approval_required
      and now() >= registration_opens_at and now() < registration_closes_at
    order by id`;
  const chosen = open.filter((_, i) => i % 50 === 0).map((e) => e.id as string);
  const plan: { eventId: string; memberId: string }[] = [];
  for (const eventId of chosen) {
    const event = events.find((e) => e.id === eventId)!;
    const taken = new Set([...event.registrations.map((r) => r.memberId), ...event.organizers]);
    for (let tries = 0, added = 0; added < 3 && tries < 50; tries++) {
      const memberId = random.pick(reference.allMembers);
      if (taken.has(memberId)) continue;
      taken.add(memberId);
      plan.push({ eventId, memberId });
      added++;
    }
  }
  const emails = new Map((await sql`select id, email from auth.users where id = any(${plan.map((p) => p.memberId)}::uuid[])`)
    .map((r) => [r.id as string, r.email as string]));
  const db = createDb(sql);
  let n = 0;
  for (const { eventId, memberId } of plan) {
    await db.asUser({ userId: memberId, email: emails.get(memberId)!, aal: 'aal1' }, (tx) => tx`select app.sign_up_for_event(${eventId})`);
    n++;
  }
  return n;
}

export const eventsStep: Step = {
  name: 'events',
  async run({ sql, options, log }) {
    const wanted = eventCount(options.profiles);
    const state = await generatedEventsState(sql);
    if (state.events === wanted && state.organizers === organizerCount(options.profiles)) {
      log(`${wanted} generated events are already there.`);
      return;
    }
    await dropGeneratedEvents(sql, log);
    if (wanted === 0) return;
    const started = performance.now();
    const reference = await readEventReference(sql, options.seed, options.profiles);
    const now = Date.now();
    const events = Array.from({ length: wanted }, () => {
      const event = generateEvent(reference.random, reference, now);
      return { ...event, id: `${GENERATED_EVENT_MARK}${event.id.slice(8)}` };
    });
    await writeEvents(sql, reference.organizers, events);
    const throughFunction = await signUpThroughFunction(sql, events, reference, reference.random);
    for (const table of ['app.events', 'app.event_organizers', 'app.event_skills', 'app.event_registrations', 'app.event_totals']) {
      await sql.unsafe(`analyze ${table}`);
    }
    const registrations = events.reduce((sum, e) => sum + e.registrations.length, 0);
    log(`Events: ${wanted} with ${registrations + throughFunction} registrations (${throughFunction} through app.sign_up_for_event) ` +
      `and ${reference.organizers.length} organizers ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  },
};
