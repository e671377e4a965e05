import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAttendeePass } from '../../app/modules/events/attendance.server';
import { checkIn } from '../../app/modules/events/check-in.server';
import type { Identity } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { decodeHtml, signInAs, translation, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { cancel, createEvent, eventInput, member, signUp } from './events-world';

/**
 * Check-in at the door (issue 5, acceptance 9; ADR 025): a confirmed attendee's pass shows a
 * one-time code (the row keeps only its hash) and a QR of the organizer's check-in page with the
 * code filled in; the event's organizer with a second factor accepts it once; a reused code says
 * when it was used, a code of another event or none is refused; anyone else is refused. Then the
 * same over HTTP, as plain forms.
 */
const running = useSelfHostedApp();
const sql = () => running.database.sql;
const db = () => running.database.db;
const APP = 'https://talaka.test';
const ALPHABET = /^[A-HJ-NP-Z2-9]{8}$/;

let boss: Identity;
let secret: string;
let event: string;
let otherEvent: string;
let alesia: Identity;
let bazyl: Identity;
let waiting: Identity;

const pass = (who: Identity, id = event) => loadAttendeePass(who, id, { db: db(), appUrl: APP });

beforeAll(async () => {
  boss = await createUser(sql(), { roles: ['organizer'], displayName: 'Event Boss' });
  secret = await giveVerifiedFactor(sql(), boss.userId);
  event = await createEvent(db(), boss, eventInput({ capacity: 2 }));
  otherEvent = await createEvent(db(), boss, eventInput({ capacity: 5 }));
  alesia = await member(sql(), 'Alesia Check');
  bazyl = await member(sql(), 'Bazyl Door');
  waiting = await member(sql(), 'Wanda Queue');
  for (const person of [alesia, bazyl, waiting]) await signUp(db(), person, event);
  await signUp(db(), alesia, otherEvent);
});

describe('the pass', () => {
  it('gives a confirmed attendee the same 8-character code each time, stored only as a hash', async () => {
    const first = await pass(alesia);
    expect(first!.code).toMatch(ALPHABET);
    expect((await pass(alesia))!.code).toBe(first!.code);
    const [row] = await sql()`select checkin_code_hash from app.event_registrations where event_id = ${event} and member_id = ${alesia.userId}`;
    expect(row!.checkin_code_hash).toBe(createHash('sha256').update(first!.code).digest('hex'));
    expect(JSON.stringify(await sql()`select * from app.event_registrations where event_id = ${event}`)).not.toContain(first!.code);
    // Each attendee and each event has its own code.
    expect((await pass(bazyl))!.code).not.toBe(first!.code);
    expect((await pass(alesia, otherEvent))!.code).not.toBe(first!.code);
  });

  it('draws the QR of the check-in page with the code filled in (a page, not an action)', async () => {
    const mine = (await pass(alesia))!;
    const svg = Buffer.from(mine.qrSvg.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
    const expected = await QRCode.toString(`${APP}/events/${event}/check-in?code=${mine.code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(svg).toBe(expected);
  });

  it('gives nobody else a pass: the waitlisted, a stranger, the organizer', async () => {
    expect(await pass(waiting)).toBeNull();
    expect(await pass(await member(sql()))).toBeNull();
    expect(await pass(boss)).toBeNull();
  });

  it('changes the code after a cancellation and a new sign-up', async () => {
    const person = await member(sql());
    const event3 = await createEvent(db(), boss, eventInput({ capacity: 3 }));
    await signUp(db(), person, event3);
    const before = (await pass(person, event3))!.code;
    await cancel(db(), person, event3);
    expect(await pass(person, event3)).toBeNull();
    await signUp(db(), person, event3);
    const after = (await pass(person, event3))!.code;
    expect(after).not.toBe(before);
    const old = await checkIn(boss, event3, before, db());
    expect(old).toMatchObject({ ok: true, value: { result: 'unknown' } });
  });
});

describe('check-in', () => {
  it('accepts a code once; a reused code says who and when; counts move', async () => {
    const code = (await pass(bazyl))!.code;
    const first = await checkIn(boss, event, code, db());
    expect(first).toMatchObject({ ok: true, value: { result: 'checked_in', displayName: 'Bazyl Door', checkedIn: 1, confirmed: 2 } });
    const again = await checkIn(boss, event, `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`, db());
    expect(again).toMatchObject({ ok: true, value: { result: 'already', displayName: 'Bazyl Door', checkedIn: 1 } });
    if (!first.ok || !again.ok) throw new Error('unreachable');
    expect(again.value.checkedInAt!.getTime()).toBe(first.value.checkedInAt!.getTime());
    expect((await pass(bazyl))!.checkedInAt).not.toBeNull();
  });

  it('refuses a code of another event and an unknown one alike', async () => {
    const foreign = (await pass(alesia, otherEvent))!.code;
    expect(await checkIn(boss, event, foreign, db())).toMatchObject({ ok: true, value: { result: 'unknown', displayName: null } });
    expect(await checkIn(boss, event, 'ZZZZ2222', db())).toMatchObject({ ok: true, value: { result: 'unknown' } });
    expect(await checkIn(boss, event, "'; drop table app.events; --", db())).toMatchObject({ ok: true, value: { result: 'unknown' } });
    // The foreign code still works at its own event.
    expect(await checkIn(boss, otherEvent, foreign, db())).toMatchObject({ ok: true, value: { result: 'checked_in' } });
  });

  it('lets two doors race for one code: one accepts, the other says already', async () => {
    const person = await member(sql(), 'Racing Person');
    const event4 = await createEvent(db(), boss, eventInput({ capacity: 3 }));
    await signUp(db(), person, event4);
    const code = (await pass(person, event4))!.code;
    const answers = await Promise.all([checkIn(boss, event4, code, db()), checkIn(boss, event4, code, db()), checkIn(boss, event4, code, db())]);
    const results = answers.map((answer) => (answer.ok ? answer.value.result : answer.error)).sort();
    expect(results).toEqual(['already', 'already', 'checked_in']);
  });

  it('refuses anyone but the event\'s organizers with a second factor', async () => {
    const code = (await pass(alesia))!.code;
    const stranger = await createUser(sql(), { roles: ['organizer'] });
    await giveVerifiedFactor(sql(), stranger.userId);
    expect(await checkIn(stranger, event, code, db())).toEqual({ ok: false, error: 'errors.notFound', status: 404 });
    expect(await checkIn(alesia, event, code, db())).toMatchObject({ ok: false, status: 403 });
    expect(await checkIn({ ...boss, aal: 'aal1' }, event, code, db())).toEqual({ ok: false, error: 'errors.secondFactorNeeded', status: 403 });
    const [row] = await sql()`select checked_in_at from app.event_registrations where event_id = ${event} and member_id = ${alesia.userId}`;
    expect(row!.checked_in_at).toBeNull();
  });

  it('puts the registrations in the member\'s data export, without venue or code', async () => {
    const data = await db().asUser(alesia, async (tx) => (await tx`select app.export_my_data() as d`)[0]!.d);
    const mine = data.event_registrations as Array<Record<string, unknown>>;
    expect(mine.map((r) => r.event_id).sort()).toEqual([event, otherEvent].sort());
    expect(Object.keys(mine[0]!).sort()).toEqual(
      ['checked_in_at', 'event_ends_at', 'event_id', 'event_starts_at', 'registered_at', 'reminded_at', 'status', 'updated_at'],
    );
    expect(JSON.stringify(data)).not.toContain('Tajna');
  });
});

describe('the check-in page over HTTP', () => {
  let door: HttpClient;
  beforeAll(async () => {
    door = await signInWithSecondFactor(running.app.url, boss.email, secret, { language: 'en' });
  });
  const en = (key: string) => translation('en', key);

  it('opens with the scanned code filled in and a large autofocused field; GET checks nobody in', async () => {
    const code = (await pass(alesia))!.code;
    const page = await door.get(`/events/${event}/check-in?code=${code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(page.body).toMatch(new RegExp(`<input[^>]*value="${code}"`));
    expect(page.body).toMatch(/<input[^>]*autofocus=""/i);
    expect(decodeHtml(page.body)).toContain(en('attendance:checkIn.codeLabel'));
    const [row] = await sql()`select checked_in_at from app.event_registrations where event_id = ${event} and member_id = ${alesia.userId}`;
    expect(row!.checked_in_at).toBeNull();
  });

  it('checks in with the attendee\'s name, then says the code was used, with the time', async () => {
    const code = (await pass(alesia))!.code;
    const first = await door.postForm(`/events/${event}/check-in`, { code: code.toLowerCase() });
    expect(first.status).toBe(200);
    expect(decodeHtml(first.body)).toContain(en('attendance:checkIn.result.checked_in').replace('{{name}}', 'Alesia Check'));
    expect(decodeHtml(first.body)).toContain('Checked in: 2 of 2 confirmed.');
    const again = await door.postForm(`/events/${event}/check-in`, { code });
    expect(decodeHtml(again.body)).toMatch(/This code has been used already: Alesia Check checked in at .*\d\d:\d\d \(Europe\/Warsaw\)\./);
  });

  it('answers bad input with a translated error, keeping what was typed', async () => {
    const page = await door.postForm(`/events/${event}/check-in`, { code: 'ABC' });
    expect(page.status).toBe(400);
    expect(decodeHtml(page.body)).toContain(en('attendance:errors.codeFormat'));
    expect(page.body).toMatch(/<input[^>]*value="ABC"/);
    const empty = await door.postForm(`/events/${event}/check-in`, { code: '' });
    expect(decodeHtml(empty.body)).toContain(en('attendance:errors.codeRequired'));
    const foreign = await door.postForm(`/events/${event}/check-in`, { code: (await pass(alesia, otherEvent))!.code });
    expect(decodeHtml(foreign.body)).toContain(en('attendance:checkIn.result.unknown'));
  });

  it('is a 404 for members and other organizers, and asks for the second factor first', async () => {
    const memberClient = await signInAs(running.app.url, alesia.email);
    expect((await memberClient.get(`/events/${event}/check-in`)).status).toBe(403);
    const stranger = await createUser(sql(), { roles: ['organizer'] });
    const strangerSecret = await giveVerifiedFactor(sql(), stranger.userId);
    const strangerClient = await signInWithSecondFactor(running.app.url, stranger.email, strangerSecret);
    expect((await strangerClient.get(`/events/${event}/check-in`)).status).toBe(404);
    expect((await strangerClient.postForm(`/events/${event}/check-in`, { code: (await pass(bazyl))!.code })).status).toBe(404);
    expect((await door.get('/events/not-a-uuid/check-in')).status).toBe(404);
    const aal1 = await signInAs(running.app.url, boss.email);
    const redirected = await aal1.get(`/events/${event}/check-in`);
    expect(redirected.status).toBe(302);
    expect(redirected.location).toMatch(/^\/auth\/second-factor/);
  });
});

describe('the pass page over HTTP', () => {
  it('shows a confirmed attendee the code as text and QR, the calendar link, and when they checked in', async () => {
    const browser = await signInAs(running.app.url, bazyl.email, { language: 'en' });
    const code = (await pass(bazyl))!.code;
    const page = await browser.get(`/events/${event}/pass`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const text = decodeHtml(page.body);
    expect(text).toContain(`${code.slice(0, 4)} ${code.slice(4)}`);
    expect(text).toContain(translation('en', 'attendance:pass.title'));
    expect(text).toMatch(/You checked in at .*\d\d:\d\d \(Europe\/Warsaw\)\./);
    expect(page.body).toMatch(/<img[^>]*src="data:image\/svg\+xml;base64,/);
    expect(page.body).toContain(`href="/events/${event}/ics"`);
    // The pass page is not where the venue is.
    expect(page.body).not.toContain('Tajna');
  });

  it('is a 404 without a pass', async () => {
    const browser = await signInAs(running.app.url, waiting.email);
    expect((await browser.get(`/events/${event}/pass`)).status).toBe(404);
  });
});
