import type { Config } from '../app/platform/config.server';
import type { Job } from '../app/platform/jobs/job';
import { contactMailJob } from '../app/modules/contact/contact-mail.server';
import { savedSearchDigestJob } from '../app/modules/saved-searches/digest-job.server';

/**
 * Every background job of the app, by name. The in-process runner (server/services.ts) and
 * `npm run jobs` (scripts/jobs.ts) both take their list from here, so they never disagree.
 */
export function allJobs(config: Pick<Config, 'appUrl'>): Job[] {
  return [savedSearchDigestJob({ appUrl: config.appUrl }), contactMailJob({ appUrl: config.appUrl })];
}
