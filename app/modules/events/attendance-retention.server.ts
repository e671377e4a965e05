import type { Sql } from '~/platform/db/client.server';
import type { Job } from '~/platform/jobs/job';
import { purgeEventRegistrations } from './events.server';

/** Days after an event's end when who came is forgotten (issue 5, acceptance 6; ADR 022). */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Forgets who signed up for events that ended long enough ago: the registrations (anonymous
 * totals stay, `app.purge_event_registrations`) and the members' notifications about those
 * events (a reminder or "you have a place" says as much as a registration). Idempotent.
 */
export async function forgetPastAttendance(system: Sql, olderThanDays = EVENT_RETENTION_DAYS) {
  const registrations = await purgeEventRegistrations(system, olderThanDays);
  const [row] = await system`select app.forget_event_notifications(make_interval(days => ${olderThanDays})) as removed`;
  return { registrations, notifications: row!.removed as number };
}

/** Daily. */
export function eventRetentionJob(): Job {
  return {
    name: 'event-retention',
    everyMs: 24 * 60 * 60 * 1000,
    async run({ sql, log }) {
      const removed = await forgetPastAttendance(sql);
      if (removed.registrations + removed.notifications > 0) {
        log(`event-retention: ${removed.registrations} registration(s), ${removed.notifications} notification(s) forgotten`);
      }
    },
  };
}
