import type { Sql } from '../db/client.server';

/**
 * A background job: a name (its row in app.job_runs and its lock), how often it is due, and what
 * it does. Jobs must be idempotent: a run that fails half-way, or a run forced by hand right after
 * another, must not do twice what was done once (each job keeps its own "done" marks in rows).
 */
export type JobContext = {
  /** The system handle (table owner). The job opens its own short transactions on it. */
  sql: Sql;
  /** One line per event; never personal data (logs are data too). */
  log: (line: string) => void;
};

export type Job = {
  name: string;
  /** Due again this long after a successful run started. */
  everyMs: number;
  run(context: JobContext): Promise<void>;
};

/** What one attempt did: ran it, it threw, it was not due yet, or another runner holds it now. */
export type JobOutcome = 'ran' | 'failed' | 'not-due' | 'busy';

/** After a failure, try again this soon (or at the job's own interval if that is shorter). */
export const RETRY_AFTER_MS = 10 * 60 * 1000;
