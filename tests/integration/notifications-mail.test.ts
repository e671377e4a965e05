import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../app/platform/db/client.server';
import { mailNotifications } from '../../app/modules/notifications/mail-notifications.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { translation } from '../support/http-client';
import { cancel, createEvent, eventInput, member, organizer, signUp } from './events-world';

/**
 * The one mailer of notifications (ADR 025): every kind is rendered in be, en and pl from the
 * locale files (never from SQL), an event mail names no event and no place, decoys (canaries)
 * get none, parallel runs mail each notification once, and a place given by SQL is a
 * notification until the mailer writes its mail.
 */
let t: TestDatabase;
let other: Sql;
beforeAll(async () => {
  t = await createTestDatabase();
  other = connect(t.url, { max: 2 });
});
afterAll(async () => {
  await other.end({ timeout: 5 });
  await t.drop();
});

const APP = 'https://talaka.test';
const TITLE = 'Secret gathering of the Minsk diaspora';
const VENUE = 'ul. Tajna 7, Warszawa';
const LANGUAGES = ['be', 'en', 'pl'] as const;
const EVENT_KINDS = ['event_place', 'event_approved', 'event_cancelled', 'event_reminder'] as const;
const TEMPLATES = { event_place: 'event-place', event_approved: 'event-approved', event_cancelled: 'event-cancelled', event_reminder: 'event-reminder' };

const mailsTo = (email: string) =>
  t.sql`select template, locale, subject, body_text from app.mail_outbox where to_address = ${email} order by id`;

async function speaker(language: string) {
  const person = await member(t.sql);
  await t.sql`update app.profiles set language = ${language} where id = ${person.userId}`;
  return person;
}

describe('the notification mailer', () => {
  it('renders every kind in be, en and pl from the locale files, naming no event and no place', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ titles: { en: TITLE, be: TITLE }, venueAddress: VENUE, capacity: 10 }));
    for (const language of LANGUAGES) {
      const person = await speaker(language);
      // A reminder goes only to someone still confirmed for an event still on.
      await signUp(t.db, person, event);
      await t.sql`insert into app.notifications (user_id, kind, payload)
                  select ${person.userId}, k, jsonb_build_object('event', ${event}::uuid)
                  from unnest(${EVENT_KINDS as unknown as string[]}::text[]) k`;
      await t.sql`insert into app.notifications (user_id, kind, payload)
                  values (${person.userId}, 'contact_request', jsonb_build_object('request', gen_random_uuid()))`;
      await mailNotifications(t.sql, APP);

      const mails = await mailsTo(person.email);
      expect(mails.map((mail) => mail.template).sort()).toEqual(['contact-request', ...Object.values(TEMPLATES)].sort());
      for (const kind of EVENT_KINDS) {
        const mail = mails.find((m) => m.template === TEMPLATES[kind])!;
        expect(mail.locale).toBe(language);
        expect(mail.subject).toBe(translation(language, `attendance:mail.${kind}.subject`));
        const body = translation(language, `attendance:mail.${kind}.body`).replace('{{link}}', `${APP}/events/${event}?lng=${language}`);
        expect(mail.body_text).toContain(body);
        expect(mail.body_text).toContain(translation(language, 'attendance:mail.noNames'));
        // T8: neither the event nor the place, in any language.
        expect(mail.body_text).not.toContain(TITLE);
        expect(mail.body_text).not.toContain('Tajna');
        expect(mail.subject).not.toContain(TITLE);
      }
      const contact = mails.find((m) => m.template === 'contact-request')!;
      expect(contact.subject).toBe(translation(language, 'contact:mail.subject'));
      expect(contact.body_text).toContain(translation(language, 'contact:mail.unknownOrganization'));
      expect(contact.body_text).toContain(`${APP}/account/requests?lng=${language}`);
    }
    // Every one is marked, so nothing is mailed again.
    expect(await t.sql`select id from app.notifications where mailed_at is null`).toHaveLength(0);
    expect(await mailNotifications(t.sql, APP)).toBe(0);
  });

  it('writes no mail to a canary (a decoy), yet marks its notifications done', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput());
    const decoy = await member(t.sql);
    await t.sql`update app.profiles set is_canary = true where id = ${decoy.userId}`;
    await t.sql`insert into app.notifications (user_id, kind, payload) values
                (${decoy.userId}, 'event_place', jsonb_build_object('event', ${event}::uuid)),
                (${decoy.userId}, 'contact_request', jsonb_build_object('request', gen_random_uuid()))`;
    await mailNotifications(t.sql, APP);
    expect(await mailsTo(decoy.email)).toHaveLength(0);
    expect(await t.sql`select 1 from app.notifications where user_id = ${decoy.userId} and mailed_at is null`).toHaveLength(0);
  });

  it('a place given in SQL is a notification; the mailer sends it once, however many run at once', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1, titles: { en: TITLE } }));
    const [a, b] = [await member(t.sql), await speaker('pl')];
    await signUp(t.db, a, event);
    await signUp(t.db, b, event);
    expect(await cancel(t.db, a, event)).toMatchObject({ promoted: 1 });
    // No text in SQL any more: the promotion wrote what happened, with the event's id.
    expect(await mailsTo(b.email)).toHaveLength(0);
    const [note] = await t.sql`select kind, payload from app.notifications where user_id = ${b.userId}`;
    expect(note).toEqual({ kind: 'event_place', payload: { event } });

    const runs = await Promise.all([mailNotifications(t.sql, APP), mailNotifications(other, APP), mailNotifications(t.sql, APP)]);
    expect(runs.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(1);
    const mails = await mailsTo(b.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'event-place', locale: 'pl', subject: 'Zwolniło się dla ciebie miejsce' });
    expect(mails[0]!.body_text).toContain(`${APP}/events/${event}?lng=pl`);
  });

  it('an approval with a place is notified as approved, naming the event in the payload only', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 2, approvalRequired: true }));
    const a = await speaker('en');
    await signUp(t.db, a, event);
    await t.db.asUser(boss, (tx) => tx`select app.approve_registration(${event}::uuid, ${a.userId}::uuid)`);
    await mailNotifications(t.sql, APP);
    expect((await mailsTo(a.email)).map((m) => [m.template, m.subject])).toEqual([['event-approved', 'Your place is confirmed']]);
  });

  it('drops a reminder whose place was given up before it went out', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput());
    const a = await member(t.sql);
    await signUp(t.db, a, event);
    await t.sql`insert into app.notifications (user_id, kind, payload) values (${a.userId}, 'event_reminder', jsonb_build_object('event', ${event}::uuid))`;
    await cancel(t.db, a, event);
    await mailNotifications(t.sql, APP);
    expect(await mailsTo(a.email)).toHaveLength(0);
  });

  it('the old two-argument app.mail_event_place notifies about the place given in this transaction', async () => {
    const boss = await organizer(t.sql);
    const event = await createEvent(t.db, boss, eventInput({ capacity: 1 }));
    const a = await member(t.sql);
    await signUp(t.db, a, event);
    await t.sql.begin(async (tx) => {
      await tx`update app.event_registrations set updated_at = now() where event_id = ${event} and member_id = ${a.userId}`;
      await tx`select app.mail_event_place(${a.userId}::uuid, 'promoted')`;
    });
    expect(await t.sql`select kind, payload from app.notifications where user_id = ${a.userId}`).toEqual([{ kind: 'event_place', payload: { event } }]);
  });
});
