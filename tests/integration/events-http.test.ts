import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { decodeHtml, signInAs, translation, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent, eventInput } from './events-world';

/**
 * The event pages over HTTP, with the real app and database: an organizer (second factor)
 * creates events in each language; validation errors are translated and keep what was typed;
 * capacity below the confirmed count is refused at its field; the listing filters; visitors see
 * teasers only; a double sign-up is one row; the venue stays hidden from the waitlist; only the
 * event's organizers get the list, the audited CSV and the cancel button, which notifies
 * everyone registered. Garbage never gets a 500.
 */
const running = useSelfHostedApp();
const sql = () => running.database.sql;
const en = (key: string) => translation('en', `events:${key}`);

let organizer: Identity;
let organizerSession: HttpClient;

/** A local date-time at the venue, `days` from now, 'YYYY-MM-DDTHH:MM'. */
function local(days: number, hour = 19) {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

function eventForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    type: 'meeting',
    titleEn: 'Volunteers meet',
    descriptionEn: 'Planning the spring.',
    place: 'city',
    cityId: 'warsaw',
    venueAddress: 'ul. Tajna 1, Warszawa',
    startsAt: local(10),
    endsAt: local(10, 21),
    timeZone: 'Europe/Warsaw',
    capacity: '3',
    visibility: 'members',
    ...overrides,
  };
}

/** The organizer's one session (a code is good once), reading pages in the given language (?lng=). */
async function organizerClient(language: 'be' | 'en' | 'pl'): Promise<HttpClient> {
  const inLanguage = (path: string) => `${path}${path.includes('?') ? '&' : '?'}lng=${language}`;
  return {
    ...organizerSession,
    get: (path, init) => organizerSession.get(inLanguage(path), init),
    postForm: (path, fields, init) => organizerSession.postForm(inLanguage(path), fields, init),
  };
}

/** Creates an event through the page; its id. */
async function createThroughPage(fields: Record<string, string>, language: 'be' | 'en' | 'pl' = 'en') {
  const page = await (await organizerClient(language)).postForm('/events/new', fields);
  expect(page.status, decodeHtml(page.body).slice(0, 500)).toBe(302);
  const match = /^\/events\/([0-9a-f-]{36})\?done=created$/.exec(page.location ?? '');
  expect(match).not.toBeNull();
  return match![1]!;
}

async function newMember(displayName: string, language: 'be' | 'en' | 'pl' = 'en') {
  const person = await createUser(sql(), { displayName });
  return { person, client: await signInAs(running.app.url, person.email, { language }) };
}

beforeAll(async () => {
  organizer = await createUser(sql(), { roles: ['organizer'], displayName: 'Organizer' });
  const secret = await giveVerifiedFactor(sql(), organizer.userId);
  organizerSession = await signInWithSecondFactor(running.app.url, organizer.email, secret, { language: 'en' });
});

describe('the event editor', () => {
  it.each([
    ['be', 'titleBe', 'Сустрэча валанцёраў'],
    ['en', 'titleEn', 'Volunteers meet in English'],
    ['pl', 'titlePl', 'Spotkanie wolontariuszy'],
  ] as const)('creates an event in %s and shows it in that language with the zone', async (language, field, title) => {
    const id = await createThroughPage(eventForm({ titleEn: '', descriptionEn: '', [field]: title }), language);
    const page = await (await organizerClient(language)).get(`/events/${id}?done=created`);
    expect(page.status).toBe(200);
    const text = decodeHtml(page.body);
    expect(text).toContain(title);
    expect(text).toContain(translation(language, 'events:notices.created'));
    expect(text).toContain('19:00');
    expect(text).toContain('(Europe/Warsaw)');
    // The organizer sees the venue and the tools.
    expect(text).toContain('ul. Tajna 1, Warszawa');
    expect(page.body).toContain(`href="/events/${id}/attendees"`);
    const [row] = await sql()`select title_be, title_en, title_pl, (starts_at at time zone 'Europe/Warsaw')::time::text as at from app.events where id = ${id}`;
    expect(row![`title_${language}`]).toBe(title);
    expect(row!.at).toBe('19:00:00');
  });

  it('shows translated errors at their fields and keeps everything typed', async () => {
    const client = await organizerClient('en');
    const page = await client.postForm('/events/new', eventForm({ venueAddress: 'Kept street 5', capacity: 'many' }));
    expect(page.status).toBe(400);
    const text = decodeHtml(page.body);
    expect(text).toContain(en('errors.capacity'));
    expect(text).toContain('Kept street 5');
    expect(text).toContain('Planning the spring.');
    expect(page.body).toContain('value="many"');

    const untitled = await client.postForm('/events/new', eventForm({ titleEn: '', venueAddress: 'Kept street 6', endsAt: local(9) }));
    expect(untitled.status).toBe(400);
    const untitledText = decodeHtml(untitled.body);
    expect(untitledText).toContain(en('errors.titleMissing'));
    expect(untitledText).toContain(en('errors.endBeforeStart'));
    expect(untitledText).toContain('Kept street 6');
    expect(untitled.body).toContain(`value="${local(9)}"`);
    expect(await sql()`select 1 from app.events where venue_address in ('Kept street 5', 'Kept street 6')`).toHaveLength(0);

    const polish = await (await organizerClient('pl')).postForm('/events/new', eventForm({ place: 'online', onlineUrl: 'http://insecure.example' }));
    expect(polish.status).toBe(400);
    expect(decodeHtml(polish.body)).toContain(translation('pl', 'events:errors.onlineUrl'));
  });

  it('refuses capacity below the confirmed count at the capacity field, losing nothing; more capacity promotes', async () => {
    const id = await createThroughPage(eventForm({ capacity: '2', titleEn: 'Capacity check' }));
    const members = await Promise.all(['Ales', 'Bazyl', 'Cimafiej'].map((name) => newMember(name)));
    for (const { client } of members) expect((await client.postForm(`/events/${id}`, { intent: 'signUp' })).status).toBe(302);

    const client = await organizerClient('en');
    const edit = await client.get(`/events/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(decodeHtml(edit.body)).toContain('Capacity check');
    const refused = await client.postForm(`/events/${id}/edit`, eventForm({ capacity: '1', titleEn: 'Capacity check, renamed' }));
    expect(refused.status).toBe(409);
    const text = decodeHtml(refused.body);
    expect(text).toContain(en('errors.capacityBelowConfirmed'));
    expect(text).toContain('Capacity check, renamed');
    // At the capacity field, not only somewhere on the page.
    expect(text).toContain(`-error" class="field-error" role="alert">${en('errors.capacityBelowConfirmed')}<`);
    const [unchanged] = await sql()`select capacity, title_en from app.events where id = ${id}`;
    expect(unchanged).toEqual({ capacity: 2, title_en: 'Capacity check' });

    const grown = await client.postForm(`/events/${id}/edit`, eventForm({ capacity: '3', titleEn: 'Capacity check' }));
    expect(grown.status).toBe(302);
    expect(grown.location).toBe(`/events/${id}?done=savedPromoted&count=1`);
    const statuses = await sql()`select status from app.event_registrations where event_id = ${id}`;
    expect(statuses.map((row) => row.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });

  it('is closed to plain members and to other organizers', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'Not yours' }));
    const { client: member } = await newMember('Plain');
    expect((await member.get('/events/new')).status).toBe(403);
    expect((await member.postForm('/events/new', eventForm())).status).toBe(403);
    const other = await createUser(sql(), { roles: ['organizer'] });
    const otherClient = await signInWithSecondFactor(running.app.url, other.email, await giveVerifiedFactor(sql(), other.userId), { language: 'en' });
    expect((await otherClient.get(`/events/${id}/edit`)).status).toBe(404);
    expect((await otherClient.postForm(`/events/${id}/edit`, eventForm({ titleEn: 'Hijacked' }))).status).toBe(404);
    const [row] = await sql()`select title_en from app.events where id = ${id}`;
    expect(row!.title_en).toBe('Not yours');
  });
});

describe('the listing', () => {
  it('filters by city, country, online, date and skill in the URL, past hidden by default', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const warsaw = await createThroughPage(eventForm({ titleEn: `Warsaw ${tag}`, skills: 'fundraising' }));
    // The editor shows the saved skill, zone and local times again.
    const editor = (await (await organizerClient('en')).get(`/events/${warsaw}/edit`)).body;
    expect(editor).toContain('<option value="fundraising" selected="">');
    expect(editor).toContain('<option value="Europe/Warsaw" selected="">');
    expect(editor).toContain(`value="${local(10)}"`);
    await createThroughPage(eventForm({ titleEn: `Vilnius ${tag}`, cityId: 'vilnius', timeZone: 'Europe/Vilnius', startsAt: local(20), endsAt: local(20, 21) }));
    await createThroughPage(eventForm({ titleEn: `Online ${tag}`, place: 'online', cityId: '', venueAddress: '', onlineUrl: 'https://meet.example/x' }));
    const past = await createThroughPage(eventForm({ titleEn: `Past ${tag}` }));
    await sql()`update app.events set starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '2 hours',
                registration_opens_at = now() - interval '10 days', registration_closes_at = now() - interval '3 days' where id = ${past}`;
    const { client } = await newMember('Reader');
    const titles = async (query: string) => {
      const page = await client.get(`/events${query}`);
      expect(page.status).toBe(200);
      return ['Warsaw', 'Vilnius', 'Online', 'Past'].filter((name) => decodeHtml(page.body).includes(`${name} ${tag}`));
    };
    expect(await titles('')).toEqual(['Warsaw', 'Vilnius', 'Online']);
    expect(await titles('?cityId=vilnius')).toEqual(['Vilnius']);
    expect(await titles('?countryCode=PL')).toEqual(['Warsaw']);
    expect(await titles('?online=true')).toEqual(['Online']);
    expect(await titles('?online=false')).toEqual(['Warsaw', 'Vilnius']);
    expect(await titles(`?from=${local(15).slice(0, 10)}`)).toEqual(['Vilnius']);
    expect(await titles(`?to=${local(15).slice(0, 10)}`)).toEqual(['Warsaw', 'Online']);
    expect(await titles('?skill=fundraising')).toEqual(['Warsaw']);
    expect(await titles('?includePast=true')).toEqual(['Warsaw', 'Vilnius', 'Online', 'Past']);
    // Bad filter values are dropped, not a 500.
    expect(await titles('?from=2030-13-45&cityId=%00&online=maybe&offset=-4')).toEqual(['Warsaw', 'Vilnius', 'Online']);
    const page = decodeHtml((await client.get('/events?cityId=vilnius')).body);
    expect(page).toContain('(Europe/Vilnius)');
    expect(page).toContain(en('fill.fewerThan5').replace('{{capacity}}', '3'));
  });

  it('pages through 50 events at a time, keeping the filters in the page links', async () => {
    // 53 events on one far-off day in Vilnius, soonest first, each titled with its number.
    const day = new Date(Date.now() + 400 * 86_400_000);
    const dayText = day.toISOString().slice(0, 10);
    for (let index = 0; index < 53; index += 1) {
      const starts = new Date(`${dayText}T06:00:00Z`).getTime() + index * 60_000;
      const number = String(index + 1).padStart(2, '0');
      await createEvent(running.database.db, organizer, eventInput({
        titles: { en: `Paged event ${number}` }, cityId: 'vilnius', timeZone: 'Europe/Vilnius',
        startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 3600_000).toISOString(),
      }));
    }
    const { client } = await newMember('Pager');
    // The cards' titles (the page's data for hydration names them too).
    const numbers = (page: string) => [...page.matchAll(/>Paged event (\d\d)</g)].map((match) => Number(match[1]));
    const links = (page: string) =>
      Object.fromEntries(
        [...page.matchAll(/<a [^>]*rel="(?:prev|next)"[^>]*>/g)].map(([tag]) => [/rel="(\w+)"/.exec(tag)![1], /href="([^"]*)"/.exec(tag)![1]]),
      );

    const first = decodeHtml((await client.get(`/events?cityId=vilnius&from=${dayText}&to=${dayText}`)).body);
    expect(numbers(first)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(first).toContain(en('list.resultsRange').replace('{{from}}', '1').replace('{{to}}', '50'));
    expect(links(first)).toEqual({ next: `/events?cityId=vilnius&from=${dayText}&to=${dayText}&offset=50` });

    const second = decodeHtml((await client.get(links(first).next!)).body);
    expect(numbers(second)).toEqual([51, 52, 53]);
    expect(second).toContain(en('list.page').replace('{{page}}', '2'));
    expect(links(second)).toEqual({ prev: `/events?cityId=vilnius&from=${dayText}&to=${dayText}` });

    // Past the last page: said so, with the way back to the first.
    const beyond = decodeHtml((await client.get(`/events?cityId=vilnius&from=${dayText}&to=${dayText}&offset=500`)).body);
    expect(numbers(beyond)).toEqual([]);
    expect(beyond).toContain(en('list.pastEndTitle'));
  });

  it('shows signed-out visitors public teasers only: the day, no time, venue or members-only event', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    await createThroughPage(eventForm({ titleEn: `Teaser ${tag}`, visibility: 'public_teaser', venueAddress: 'Secret yard 7', startsAt: local(12, 18), endsAt: local(12, 20) }));
    await createThroughPage(eventForm({ titleEn: `Members ${tag}` }));
    const visitor = await fetch(new URL('/events', running.app.url), { headers: { 'Accept-Language': 'en' } });
    expect(visitor.status).toBe(200);
    const text = decodeHtml(await visitor.text());
    expect(text).toContain(`Teaser ${tag}`);
    expect(text).not.toContain(`Members ${tag}`);
    expect(text).not.toContain('Secret yard 7');
    expect(text).not.toContain('18:00');
    expect(text).not.toContain(en('fill.fewerThan5').replace('{{capacity}}', '3'));
    expect(text).toContain('(Europe/Warsaw)');
    expect(text).toContain(en('list.visitorNote'));
    expect(text).not.toContain(`href="/events/new"`);
    const page = await fetch(new URL('/events/00000000-0000-4000-8000-000000000000', running.app.url), { redirect: 'manual' });
    expect(page.status).toBe(302);
  });
});

describe('signing up', () => {
  it('is idempotent over HTTP: two POSTs make one row', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'Double click' }));
    const { person, client } = await newMember('Double');
    const [first, second] = await Promise.all([client.postForm(`/events/${id}`, { intent: 'signUp' }), client.postForm(`/events/${id}`, { intent: 'signUp' })]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(first.location).toBe(`/events/${id}?done=confirmed`);
    const rows = await sql()`select status from app.event_registrations where event_id = ${id} and member_id = ${person.userId}`;
    expect(rows).toHaveLength(1);
    const page = decodeHtml((await client.get(`/events/${id}?done=confirmed`)).body);
    expect(page).toContain(en('notices.confirmed'));
    expect(page).toContain('ul. Tajna 1, Warszawa');
    // The confirmed attendee's pass: the calendar link of this event.
    expect(page).toContain(`href="/events/${id}/ics"`);
  });

  it('hides the venue from the waitlisted, shows their position, and shows it once they move up', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'One place', capacity: '1', venueAddress: 'Hidden lane 9' }));
    const first = await newMember('First');
    const second = await newMember('Second');
    const third = await newMember('Third');
    await first.client.postForm(`/events/${id}`, { intent: 'signUp' });
    const waited = await second.client.postForm(`/events/${id}`, { intent: 'signUp' });
    expect(waited.location).toBe(`/events/${id}?done=waitlisted`);
    await third.client.postForm(`/events/${id}`, { intent: 'signUp' });

    const waiting = decodeHtml((await third.client.get(`/events/${id}`)).body);
    expect(waiting).not.toContain('Hidden lane 9');
    expect(waiting).not.toContain(`/events/${id}/ics`);
    expect(waiting).toContain(en('page.venueHidden'));
    expect(waiting).toContain(en('page.waitlisted').replace('{{position}}', '2'));
    const outsider = await newMember('Outsider');
    expect(decodeHtml((await outsider.client.get(`/events/${id}`)).body)).not.toContain('Hidden lane 9');

    expect((await first.client.postForm(`/events/${id}`, { intent: 'cancel' })).location).toBe(`/events/${id}?done=cancelled`);
    expect(decodeHtml((await first.client.get(`/events/${id}`)).body)).not.toContain('Hidden lane 9');
    const promoted = decodeHtml((await second.client.get(`/events/${id}`)).body);
    expect(promoted).toContain('Hidden lane 9');
    expect(decodeHtml((await third.client.get(`/events/${id}`)).body)).toContain(en('page.waitlisted').replace('{{position}}', '1'));
    expect((await third.client.postForm(`/events/${id}`, { intent: 'cancel' })).status).toBe(302);
    const [left] = await sql()`select status from app.event_registrations where event_id = ${id} and member_id = ${third.person.userId}`;
    expect(left!.status).toBe('cancelled');
  });
});

describe('the organizer tools', () => {
  it('lists attendees to the event organizers only: a member gets 403, another organizer 404', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'Private list' }));
    const { client: member } = await newMember('Nosy');
    await member.postForm(`/events/${id}`, { intent: 'signUp' });
    expect((await member.get(`/events/${id}/attendees`)).status).toBe(403);
    expect((await member.postForm(`/events/${id}/export`, {})).status).toBe(403);
    const other = await createUser(sql(), { roles: ['organizer'] });
    const otherClient = await signInWithSecondFactor(running.app.url, other.email, await giveVerifiedFactor(sql(), other.userId), { language: 'en' });
    expect((await otherClient.get(`/events/${id}/attendees`)).status).toBe(404);
    expect((await otherClient.postForm(`/events/${id}/export`, {})).status).toBe(404);
    expect((await otherClient.postForm(`/events/${id}/attendees`, { intent: 'cancelEvent', confirm: 'yes' })).status).toBe(404);
    expect(decodeHtml((await member.get(`/events/${id}`)).body)).not.toContain(`href="/events/${id}/attendees"`);
    const list = await (await organizerClient('en')).get(`/events/${id}/attendees`);
    expect(list.status).toBe(200);
    expect(decodeHtml(list.body)).toContain('Nosy');
  });

  it('approves and declines pending sign-ups', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'Approval', approvalRequired: 'on' }));
    const yes = await newMember('Yes Person');
    const no = await newMember('No Person');
    expect((await yes.client.postForm(`/events/${id}`, { intent: 'signUp' })).location).toBe(`/events/${id}?done=pending`);
    await no.client.postForm(`/events/${id}`, { intent: 'signUp' });
    const client = await organizerClient('en');
    expect((await client.postForm(`/events/${id}/attendees`, { intent: 'approve', memberId: yes.person.userId })).location).toBe(`/events/${id}/attendees?done=approved`);
    expect((await client.postForm(`/events/${id}/attendees`, { intent: 'decline', memberId: no.person.userId })).location).toBe(`/events/${id}/attendees?done=declined`);
    const rows = await sql()`select member_id, status from app.event_registrations where event_id = ${id} order by status`;
    expect(Object.fromEntries(rows.map((row) => [row.member_id, row.status]))).toEqual({ [yes.person.userId]: 'confirmed', [no.person.userId]: 'declined' });
    expect((await client.postForm(`/events/${id}/attendees`, { intent: 'approve', memberId: 'not-a-uuid' })).status).toBe(400);
  });

  it('exports a CSV: BOM, translated header, names and statuses only, formulas defused, audited', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'Export', capacity: '1' }));
    const a = await newMember('=HYPERLINK("https://evil.example")');
    const b = await newMember('Ціханоўская');
    await a.client.postForm(`/events/${id}`, { intent: 'signUp' });
    await b.client.postForm(`/events/${id}`, { intent: 'signUp' });
    const client = await organizerClient('en');
    const response = await fetch(new URL(`/events/${id}/export`, client.origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: `talaka_session=${client.cookie('talaka_session')}`, Origin: client.origin, 'Accept-Language': 'en', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="event-attendees-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(['name', 'status', 'position', 'checkedIn'].map((key) => en(`csv.${key}`)).join(','));
    expect(lines[1]).toBe(`"'=HYPERLINK(""https://evil.example"")",${en('status.confirmed')},,`);
    expect(lines[2]).toBe(`Ціханоўская,${en('status.waitlisted')},1,`);
    expect(lines.join('\n')).not.toContain('@example.org');
    const audit = await sql()`select detail from app.audit_events where actor = ${organizer.userId} and action = 'event_export'`;
    expect(audit.map((row) => row.detail)).toContainEqual({ event_id: id, rows: 2 });
    expect((await client.get(`/events/${id}/export`)).status).toBe(302);
  });

  it('cancels the event only when confirmed, notifying everyone registered', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'To cancel', capacity: '1' }));
    const a = await newMember('Going');
    const b = await newMember('Waiting');
    const c = await newMember('Left');
    for (const m of [a, b, c]) await m.client.postForm(`/events/${id}`, { intent: 'signUp' });
    await c.client.postForm(`/events/${id}`, { intent: 'cancel' });
    const client = await organizerClient('en');
    const unconfirmed = await client.postForm(`/events/${id}/attendees`, { intent: 'cancelEvent' });
    expect(unconfirmed.status).toBe(400);
    expect(decodeHtml(unconfirmed.body)).toContain(en('errors.confirmCancel'));
    const done = await client.postForm(`/events/${id}/attendees`, { intent: 'cancelEvent', confirm: 'yes' });
    expect(done.location).toBe(`/events/${id}/attendees?done=eventCancelled&count=2`);
    const notified = await sql()`select user_id from app.notifications where kind = 'event_cancelled' and payload = ${sql().json({ event: id })}`;
    expect(notified.map((row) => row.user_id).sort()).toEqual([a.person.userId, b.person.userId].sort());
    const page = decodeHtml((await a.client.get(`/events/${id}`)).body);
    expect(page).toContain(en('page.eventCancelled'));
    expect(page).not.toContain('ul. Tajna 1, Warszawa');
    const again = await c.client.postForm(`/events/${id}`, { intent: 'signUp' });
    expect(again.status).toBe(409);
    expect(decodeHtml(again.body)).toContain(en('errors.eventCancelled'));
  });
});

describe('garbage input', () => {
  it('never gets a 500', async () => {
    const id = await createThroughPage(eventForm({ titleEn: 'Garbage target' }));
    const client = await organizerClient('en');
    const { client: member } = await newMember('Fuzzer');
    const probes: Array<[HttpClient, string, string | Record<string, string>]> = [
      [client, '/events/new', '%%%&&&=='],
      [client, '/events/new', { type: 'party', capacity: '1e9', startsAt: '2030-02-30T25:61', timeZone: 'Mars/Olympus', skills: 'x' }],
      [client, '/events/new', eventForm({ titleEn: 'a'.repeat(5000), cityId: 'atlantis', capacity: '-1' })],
      [client, '/events/new', eventForm({ titleEn: 'Ctrl\u0007', timeZone: '../../etc/passwd' })],
      [client, `/events/${id}/edit`, { 'titles[be]': 'x', __proto__x: '1' }],
      [client, `/events/${id}/attendees`, { intent: 'approve', memberId: '00000000-0000-4000-8000-000000000000' }],
      [client, `/events/${id}/attendees`, { intent: 'explode' }],
      [member, `/events/${id}`, { intent: 'explode' }],
      [member, '/events/not-a-uuid', { intent: 'signUp' }],
      [member, '/events/00000000-0000-4000-8000-000000000000', { intent: 'signUp' }],
    ];
    for (const [who, path, body] of probes) {
      const page = await who.postForm(path, body);
      expect(page.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
    }
    for (const path of ['/events/not-a-uuid', '/events/00000000-0000-4000-8000-000000000000', '/events/x/attendees', '/events?limit=-1&from=%ff']) {
      expect((await member.get(path)).status, path).toBeLessThan(500);
    }
  });
});
