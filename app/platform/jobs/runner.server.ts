import type { Sql } from '../db/client.server';
import type { Job } from './job';
import { runDueJobs } from './run-job.server';

/**
 * The in-process runner of local and self-hosted mode: every `tickMs` it runs the jobs that are
 * due (see run-job.server.ts for why several instances never run one job at once). Errors are
 * logged; the server never goes down because of a job. `stop()` waits for a running tick.
 */
export function startJobRunner(options: {
  sql: Sql;
  jobs: readonly Job[];
  log: (line: string) => void;
  tickMs?: number;
  /** The first tick comes this soon after start (the server is up by then). */
  firstTickMs?: number;
}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = runDueJobs(options.sql, options.jobs, { log: options.log })
        .catch((error: unknown) => options.log(`jobs: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => schedule(options.tickMs ?? 60_000));
    }, delay);
    timer.unref();
  };
  schedule(options.firstTickMs ?? 5_000);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
