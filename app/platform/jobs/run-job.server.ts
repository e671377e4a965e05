import type { Sql } from '../db/client.server';
import { RETRY_AFTER_MS, type Job, type JobOutcome } from './job';

/**
 * One attempt at one job. A transaction takes the job's advisory lock (transaction-level, so it
 * works through a transaction-mode pooler and is released however the process ends); a runner
 * that does not get it skips the job, since another instance is running it. Holding the lock, it
 * reads app.job_runs — after the lock, so it sees what the previous holder wrote — and runs the
 * job if it is due (or forced). The job works on the pool in its own transactions; its outcome is
 * written here before the lock goes. A throwing job is logged and retried later, never rethrown.
 */
export async function runJobIfDue(
  sql: Sql,
  job: Job,
  options: { log: (line: string) => void; force?: boolean },
): Promise<JobOutcome> {
  return sql.begin(async (tx) => {
    const [lock] = await tx`select pg_try_advisory_xact_lock(hashtextextended(${`job:${job.name}`}, 0)) as locked`;
    if (!lock?.locked) return 'busy' as const;
    await tx`insert into app.job_runs (name) values (${job.name}) on conflict (name) do nothing`;
    const [state] = await tx`select next_run_at <= now() as due from app.job_runs where name = ${job.name}`;
    if (!state?.due && !options.force) return 'not-due' as const;
    try {
      await job.run({ sql, log: options.log });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log(`job ${job.name} failed: ${message}`);
      const retryMs = Math.min(job.everyMs, RETRY_AFTER_MS);
      await tx`
        update app.job_runs
        set last_started_at = now(), last_finished_at = clock_timestamp(), failures = failures + 1,
            last_error = ${message.slice(0, 500)},
            next_run_at = clock_timestamp() + ${retryMs} * interval '1 millisecond'
        where name = ${job.name}`;
      return 'failed' as const;
    }
    await tx`
      update app.job_runs
      set last_started_at = now(), last_finished_at = clock_timestamp(), runs = runs + 1, last_error = null,
          next_run_at = now() + ${job.everyMs} * interval '1 millisecond'
      where name = ${job.name}`;
    return 'ran' as const;
  });
}

/**
 * Every job once, one after the other; a job whose attempt cannot even start (the database is
 * away) is logged and counted as failed. `only` limits the run to one job, which is then forced.
 */
export async function runDueJobs(
  sql: Sql,
  jobs: readonly Job[],
  options: { log: (line: string) => void; only?: string },
): Promise<Record<string, JobOutcome>> {
  const outcomes: Record<string, JobOutcome> = {};
  for (const job of jobs) {
    if (options.only && job.name !== options.only) continue;
    try {
      outcomes[job.name] = await runJobIfDue(sql, job, { log: options.log, force: Boolean(options.only) });
    } catch (error) {
      options.log(`job ${job.name} could not run: ${error instanceof Error ? error.message : String(error)}`);
      outcomes[job.name] = 'failed';
    }
  }
  return outcomes;
}
