import type { Config } from '../app/platform/config.server';
import type { Job } from '../app/platform/jobs/job';
import { eventReminderJob } from '../app/modules/events/reminders.server';
import { eventRetentionJob } from '../app/modules/events/attendance-retention.server';
import { notificationMailJob } from '../app/modules/notifications/mail-notifications.server';
import { savedSearchDigestJob } from '../app/modules/saved-searches/digest-job.server';
import { rateLimitCleanupJob } from '../app/platform/rate-limit/cleanup-job.server';

/**
 * Every background job of the app, by name. The in-process runner (server/services.ts) and
 * `npm run jobs` (scripts/jobs.ts) both take their list from here, so they never disagree.
 * Reminders run before the mailer, so a reminder written in a tick is mailed in the same tick.
 */
export function allJobs(config: Pick<Config, 'appUrl'>): Job[] {
  return [
    savedSearchDigestJob({ appUrl: config.appUrl }),
    eventReminderJob(),
    notificationMailJob({ appUrl: config.appUrl }),
    eventRetentionJob(),
    rateLimitCleanupJob(),
  ];
}
