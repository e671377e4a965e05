import type { Job } from '../jobs/job';

/**
 * Removes rate-limit counters whose windows have both ended (app.prune_rate_limits): they count
 * nothing any more, and an attacker's hashed address should not be kept longer than it helps.
 */
export function rateLimitCleanupJob(): Job {
  return {
    name: 'rate-limit-cleanup',
    everyMs: 60 * 60 * 1000,
    async run({ sql, log }) {
      const [row] = await sql`select app.prune_rate_limits() as removed`;
      const removed = row!.removed as number;
      if (removed > 0) log(`rate-limit-cleanup: ${removed} counter(s) removed`);
    },
  };
}
