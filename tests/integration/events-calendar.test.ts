import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { createClient, signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent, eventInput, member, signUp } from './events-world';

/**
 * The calendar file (issue 5, acceptance 7; SECURITY T8; ADR 025), read back with an independent
 * iCalendar parser (ical.js): a confirmed attendee gets the event with the right instants across
 * a daylight-saving change (Warsaw leaves winter time at 02:00 on 31 March 2030), the venue they
 * may see, and no attendee, organizer or e-mail address; anyone else gets a 404; nothing is cached.
 */
const running = useSelfHostedApp();
const sql = () => running.database.sql;
const db = () => running.database.db;

let boss: Identity;
let event: string;
let attendee: Identity;
let waiting: Identity;
let client: HttpClient;

beforeAll(async () => {
  boss = await createUser(sql(), { roles: ['organizer'], displayName: 'Organizer Orhan', email: 'boss-ics@example.org' });
  await giveVerifiedFactor(sql(), boss.userId);
  // 01:30 winter time (UTC+1) to 04:00 summer time (UTC+2) at the venue: 1½ hours, not 2½.
  event = await createEvent(
    db(),
    boss,
    eventInput({
      titles: { en: 'Night of Belarusian poetry', be: 'Ноч беларускай паэзіі' },
      startsAt: '2030-03-31T01:30',
      endsAt: '2030-03-31T04:00',
      timeZone: 'Europe/Warsaw',
      capacity: 1,
      venueAddress: 'ul. Tajna 1, Warszawa',
    }),
  );
  attendee = await member(sql(), 'Attendee Ales');
  waiting = await member(sql(), 'Waiting Wanda');
  await signUp(db(), attendee, event);
  await signUp(db(), waiting, event);
  client = await signInAs(running.app.url, attendee.email, { language: 'en' });
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('the calendar file', () => {
  it('gives a confirmed attendee the right instants and zone across the DST change, not cached', async () => {
    const page = await client.get(`/events/${event}/ics`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const { event: parsed, vevent } = parse(page.body);
    expect(parsed.summary).toBe('Night of Belarusian poetry');
    expect(parsed.startDate.zone.tzid).toBe('UTC');
    expect(parsed.endDate.zone.tzid).toBe('UTC');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2030-03-31T00:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2030-03-31T02:00:00.000Z');
    expect(parsed.duration.toSeconds()).toBe(90 * 60);
    expect(parsed.location).toBe('ul. Tajna 1, Warszawa');
    // The venue's zone is named for the reader, with the way back to the page.
    expect(parsed.description).toContain('Europe/Warsaw');
    expect(parsed.description).toContain(`/events/${event}`);
    expect(vevent.getFirstPropertyValue('uid')).toContain(event);
  });

  it('carries no attendee, no organizer and no e-mail address', async () => {
    const page = await client.get(`/events/${event}/ics`);
    const { vevent } = parse(page.body);
    expect(vevent.getAllProperties('attendee')).toHaveLength(0);
    expect(vevent.getAllProperties('organizer')).toHaveLength(0);
    for (const text of [attendee.email, waiting.email, boss.email, 'Attendee Ales', 'Waiting Wanda', 'Organizer Orhan', 'mailto:', '@example.org']) {
      expect(page.body).not.toContain(text);
    }
  });

  it('speaks the reader\'s language for the title', async () => {
    const be = await signInAs(running.app.url, attendee.email, { language: 'be' });
    const { event: parsed } = parse((await be.get(`/events/${event}/ics`)).body);
    expect(parsed.summary).toBe('Ноч беларускай паэзіі');
    expect(parsed.description).toContain('часавым поясе Europe/Warsaw');
  });

  it('is a 404 for the waitlisted, other members, the organizer and unknown events', async () => {
    const refused = async (who: Identity) => (await signInAs(running.app.url, who.email)).get(`/events/${event}/ics`);
    const waited = await refused(waiting);
    expect(waited.status).toBe(404);
    expect(waited.body).not.toContain('Tajna');
    expect((await refused(await member(sql()))).status).toBe(404);
    expect((await refused(boss)).status).toBe(404);
    expect((await client.get('/events/00000000-0000-4000-8000-000000000000/ics')).status).toBe(404);
    expect((await client.get('/events/nonsense/ics')).status).toBe(404);
    // Signed out: to the sign-in page, never the file.
    const anonymous = await createClient(running.app.url).get(`/events/${event}/ics`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/sign-in/);
  });

  it('is a 404 once the event is cancelled', async () => {
    const other = await createEvent(db(), boss, eventInput());
    await signUp(db(), attendee, other);
    expect((await client.get(`/events/${other}/ics`)).status).toBe(200);
    await db().asUser(boss, (tx) => tx`select app.cancel_event(${other}::uuid)`);
    expect((await client.get(`/events/${other}/ics`)).status).toBe(404);
  });
});
