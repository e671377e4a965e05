import type { Sql } from '~/platform/db/client.server';
import type { Job } from '~/platform/jobs/job';

/**
 * Reminders "the day before" (ADR 025): every confirmed attendee of a scheduled event that
 * starts in 2 to 24 hours gets one `event_reminder` notification, which the notification mailer
 * turns into a mail in their language with a link to the event page (where the cancel button
 * is). Exactly once per registration: `app.take_event_reminders()` marks `reminded_at` in the
 * same statement, so repeated or concurrent runs write nothing twice.
 */
export async function takeEventReminders(system: Sql): Promise<number> {
  const [row] = await system`select app.take_event_reminders() as written`;
  return row!.written as number;
}

/** Hourly: with a 22-hour window every attendee is reminded 23 to 24 hours ahead, or on confirmation when later. */
export function eventReminderJob(): Job {
  return {
    name: 'event-reminders',
    everyMs: 60 * 60 * 1000,
    async run({ sql, log }) {
      const written = await takeEventReminders(sql);
      if (written > 0) log(`event-reminders: ${written} reminder(s) written`);
    },
  };
}
