import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../server/jobs';
import { connect, type Sql } from '../../app/platform/db/client.server';
import { eventRetentionJob } from '../../app/modules/events/attendance-retention.server';
import { eventReminderJob, takeEventReminders } from '../../app/modules/events/reminders.server';
import { notificationMailJob } from '../../app/modules/notifications/mail-notifications.server';
import { runDueJobs, runJobIfDue } from '../../app/platform/jobs/run-job.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { translation } from '../support/http-client';
import { cancel, createEvent, eventInput, member, organizer, signUp } from './events-world';

/**
 * Reminders the day before (issue 5, acceptance 8; ADR 025) and the retention job (acceptance
 * 6): confirmed attendees of an event starting in 2–24 hours get one reminder each, in their
 * language, with the link to the page where they cancel; nobody else; never twice, whether the
 * job runs again or on two instances at once. The retention job runs through the runner.
 */
let t: TestDatabase;
let other: Sql;
beforeAll(async () => {
  t = await createTestDatabase();
  other = connect(t.url, { max: 4 });
});
afterAll(async () => {
  await other.end({ timeout: 5 });
  await t.drop();
});

const APP = 'https://talaka.test';
const HOUR = 3600_000;
const log = () => undefined;
const inHours = (hours: number) => {
  const starts = new Date(Date.now() + hours * HOUR);
  return { startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * HOUR).toISOString() };
};
const reminders = (event: string) =>
  t.sql`select user_id from app.notifications where kind = 'event_reminder' and payload ->> 'event' = ${event}`;
const mailsTo = (email: string) =>
  t.sql`select template, locale, subject, body_text from app.mail_outbox where to_address = ${email} order by id`;

describe('event reminders', () => {
  it('reminds each confirmed attendee once, in their language, with the link to cancel; nobody else', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ ...inHours(20), capacity: 2, titles: { en: 'Hidden meeting' } }));
    const [a, b, waiting, leaving] = [await member(t.sql), await member(t.sql), await member(t.sql), await member(t.sql)];
    await t.sql`update app.profiles set language = 'pl' where id = ${a.userId}`;
    await t.sql`update app.profiles set language = 'en' where id = ${b.userId}`;
    await signUp(t.db, a, event);
    await signUp(t.db, leaving, event);
    await signUp(t.db, waiting, event);
    await cancel(t.db, leaving, event); // waiting moves up
    await signUp(t.db, b, event); // full: waitlisted

    expect(await runJobIfDue(t.sql, eventReminderJob(), { log, force: true })).toBe('ran');
    expect((await reminders(event)).map((r) => r.user_id).sort()).toEqual([a.userId, waiting.userId].sort());
    expect(await runJobIfDue(t.sql, notificationMailJob({ appUrl: APP }), { log, force: true })).toBe('ran');

    const [mail] = await mailsTo(a.email).then((rows) => rows.filter((m) => m.template === 'event-reminder'));
    expect(mail).toMatchObject({ locale: 'pl', subject: translation('pl', 'attendance:mail.event_reminder.subject') });
    // The cancel button is on the event page, behind sign-in (a link never cancels by itself).
    expect(mail!.body_text).toContain(`${APP}/events/${event}?lng=pl`);
    expect(mail!.body_text).not.toContain('Hidden meeting');
    expect(mail!.body_text).not.toContain('Tajna');
    expect((await mailsTo(b.email)).filter((m) => m.template === 'event-reminder')).toHaveLength(0);
    expect(await mailsTo(leaving.email)).toHaveLength(0);

    // Again, forced: nothing new.
    await runJobIfDue(t.sql, eventReminderJob(), { log, force: true });
    await runJobIfDue(t.sql, notificationMailJob({ appUrl: APP }), { log, force: true });
    expect(await reminders(event)).toHaveLength(2);
    expect((await mailsTo(a.email)).filter((m) => m.template === 'event-reminder')).toHaveLength(1);
  });

  it('writes each reminder once when several runs race', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ ...inHours(23), capacity: 40 }));
    const people = await Promise.all(Array.from({ length: 30 }, () => member(t.sql)));
    for (const person of people) await signUp(t.db, person, event);
    const written = await Promise.all([takeEventReminders(t.sql), takeEventReminders(other), takeEventReminders(other), takeEventReminders(t.sql)]);
    expect(written.reduce((sum, n) => sum + n, 0)).toBe(30);
    const rows = await reminders(event);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(30);
    expect(await takeEventReminders(t.sql)).toBe(0);
  });

  it('leaves out events too far ahead, about to start, cancelled, and sign-ups not confirmed', async () => {
    const boss = await organizer(t.sql);
    const far = await createEvent(t.db, boss, eventInput(inHours(30)));
    const soon = await createEvent(t.db, boss, eventInput({ ...inHours(1), registrationOpensAt: new Date(Date.now() - HOUR).toISOString() }));
    const called = await createEvent(t.db, boss, eventInput(inHours(12)));
    const approval = await createEvent(t.db, boss, eventInput({ ...inHours(12), approvalRequired: true }));
    const person = await member(t.sql);
    for (const event of [far, soon, called, approval]) await signUp(t.db, person, event);
    await t.db.asUser(boss, (tx) => tx`select app.cancel_event(${called}::uuid)`);
    await takeEventReminders(t.sql);
    for (const event of [far, soon, called, approval]) expect(await reminders(event)).toHaveLength(0);
    // A reminder already written for an event cancelled afterwards is dropped by the mailer.
    const later = await createEvent(t.db, boss, eventInput(inHours(12)));
    await signUp(t.db, person, later);
    await takeEventReminders(t.sql);
    expect(await reminders(later)).toHaveLength(1);
    await t.db.asUser(boss, (tx) => tx`select app.cancel_event(${later}::uuid)`);
    await runJobIfDue(t.sql, notificationMailJob({ appUrl: APP }), { log, force: true });
    const templates = (await mailsTo(person.email)).map((m) => m.template);
    expect(templates).not.toContain('event-reminder');
    expect(templates).toContain('event-cancelled');
  });
});

describe('the event jobs', () => {
  it('are all listed for the runner and for npm run jobs', () => {
    const names = allJobs({ appUrl: APP }).map((job) => job.name);
    expect(names).toEqual(expect.arrayContaining(['event-reminders', 'notification-mail', 'event-retention', 'saved-search-digest']));
    expect(names).not.toContain('contact-request-mail');
  });

  it('event-retention forgets who came (registrations and event notifications) through the runner, keeping totals', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const recent = await createEvent(t.db, boss, eventInput());
    const [a, b] = [await member(t.sql), await member(t.sql)];
    for (const person of [a, b]) {
      await signUp(t.db, person, event);
      await signUp(t.db, person, recent);
    }
    await t.sql`insert into app.notifications (user_id, kind, payload)
                values (${a.userId}, 'event_reminder', jsonb_build_object('event', ${event}::uuid)),
                       (${a.userId}, 'event_reminder', jsonb_build_object('event', ${recent}::uuid))`;
    // The first event ended 31 days ago.
    await t.sql`update app.events set registration_opens_at = now() - interval '40 days', registration_closes_at = now() - interval '32 days',
                starts_at = now() - interval '32 days', ends_at = now() - interval '31 days' where id = ${event}`;
    const outcomes = await runDueJobs(t.sql, allJobs({ appUrl: APP }), { log, only: 'event-retention' });
    expect(outcomes).toEqual({ 'event-retention': 'ran' });
    expect(await t.sql`select 1 from app.event_registrations where event_id = ${event}`).toHaveLength(0);
    expect(await t.sql`select confirmed, waitlisted from app.event_totals where event_id = ${event}`).toEqual([{ confirmed: 1, waitlisted: 1 }]);
    expect(await t.sql`select payload ->> 'event' as event from app.notifications where user_id = ${a.userId} and kind = 'event_reminder'`).toEqual([
      { event: recent },
    ]);
    expect(await t.sql`select 1 from app.event_registrations where event_id = ${recent}`).toHaveLength(2);
    // Not due again for a day.
    expect(await runJobIfDue(t.sql, eventRetentionJob(), { log })).toBe('not-due');
  });
});
