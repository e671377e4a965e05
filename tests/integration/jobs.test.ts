import { spawn } from 'node:child_process';
import type { JSONValue } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../app/platform/db/client.server';
import type { Job } from '../../app/platform/jobs/job';
import { runDueJobs, runJobIfDue } from '../../app/platform/jobs/run-job.server';
import { startJobRunner } from '../../app/platform/jobs/runner.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, openProfile } from '../support/factories';
import { giveVerifiedFactor } from '../support/second-factor';

/**
 * The job runner (DESIGN §11): a due job runs once even when several instances race for it, it
 * waits for its interval, a throwing job is logged and retried without taking anything down, and
 * `npm run jobs` runs the due jobs — the saved-search digest among them — and exits.
 */
let t: TestDatabase;
let other: Sql;
beforeAll(async () => {
  t = await createTestDatabase();
  // A second pool: another app instance on the same database.
  other = connect(t.url, { max: 3 });
});
afterAll(async () => {
  await other.end({ timeout: 5 });
  await t.drop();
});

const HOUR = 60 * 60 * 1000;
let jobCount = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job of this test: counts its runs, optionally slow or throwing. */
function testJob(options: { everyMs?: number; slowMs?: number; fails?: boolean } = {}) {
  jobCount += 1;
  const job = {
    runs: 0,
    name: `test-job-${jobCount}`,
    everyMs: options.everyMs ?? HOUR,
    async run() {
      job.runs += 1;
      if (options.slowMs) await sleep(options.slowMs);
      if (options.fails) throw new Error('the test job broke');
    },
  } satisfies Job & { runs: number };
  return job;
}

const state = async (name: string) => (await t.sql`select * from app.job_runs where name = ${name}`)[0]!;

describe('the job runner', () => {
  it('runs a due job once when two instances race for it', async () => {
    const job = testJob({ slowMs: 300 });
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const outcomes = await Promise.all([runJobIfDue(t.sql, job, { log }), runJobIfDue(other, job, { log })]);
    expect(job.runs).toBe(1);
    // The loser found the lock taken ('busy'), or, had it come a moment later, the job done.
    expect(outcomes.filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'ran')).toEqual([expect.stringMatching(/^(busy|not-due)$/)]);
    // Whoever comes after the winner finds it not due.
    expect(await runJobIfDue(other, job, { log })).toBe('not-due');
    expect(job.runs).toBe(1);
    expect(await state(job.name)).toMatchObject({ runs: '1', failures: '0', last_error: null });
  });

  it('waits for the interval, and runs again once it has passed; --job forces it', async () => {
    const job = testJob({ everyMs: HOUR });
    const log = () => {};
    expect(await runJobIfDue(t.sql, job, { log })).toBe('ran');
    const [due] = await t.sql`select next_run_at - last_started_at as wait from app.job_runs where name = ${job.name}`;
    expect(due!.wait).toBe('01:00:00');
    expect(await runJobIfDue(t.sql, job, { log })).toBe('not-due');
    await t.sql`update app.job_runs set next_run_at = now() - interval '1 second' where name = ${job.name}`;
    expect(await runJobIfDue(t.sql, job, { log })).toBe('ran');
    expect(await runDueJobs(t.sql, [job], { log, only: job.name })).toEqual({ [job.name]: 'ran' });
    expect(job.runs).toBe(3);
  });

  it('survives a throwing job: logged, recorded, retried sooner, and the next job still runs', async () => {
    const broken = testJob({ everyMs: 24 * HOUR, fails: true });
    const fine = testJob();
    const lines: string[] = [];
    const outcomes = await runDueJobs(t.sql, [broken, fine], { log: (line) => lines.push(line) });
    expect(outcomes).toEqual({ [broken.name]: 'failed', [fine.name]: 'ran' });
    expect(lines).toEqual([`job ${broken.name} failed: the test job broke`]);
    const [row] = await t.sql`
      select failures, runs, last_error, next_run_at < now() + interval '11 minutes' as soon
      from app.job_runs where name = ${broken.name}`;
    expect(row).toEqual({ failures: '1', runs: '0', last_error: 'the test job broke', soon: true });
  });

  it('runs in the background until stopped, without crashing on a broken job', async () => {
    const job = testJob({ everyMs: 50 });
    const broken = testJob({ everyMs: 50, fails: true });
    const lines: string[] = [];
    const runner = startJobRunner({ sql: t.sql, jobs: [broken, job], log: (line) => lines.push(line), tickMs: 60, firstTickMs: 0 });
    await sleep(400);
    await runner.stop();
    const runs = job.runs;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(broken.runs).toBeGreaterThanOrEqual(1);
    await sleep(200);
    expect(job.runs).toBe(runs);
  });
});

describe('npm run jobs', () => {
  function runJobsScript(args: string[] = []) {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      let output = '';
      const child = spawn('npm', ['run', '--silent', 'jobs', ...(args.length ? ['--', ...args] : [])], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', DATABASE_URL: t.url, APP_URL: 'https://talaka.example' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  it('runs the due saved-search digest once and exits 0', async () => {
    const organizer = await createUser(t.sql, { roles: ['organizer'] });
    await giveVerifiedFactor(t.sql, organizer.userId);
    await t.db.asUser(organizer, (tx) => tx`select app.save_search('Białystok', ${tx.json({ city: 'bialystok' } as JSONValue)}::jsonb, true)`);
    await t.sql`update app.saved_searches set last_digest_at = now() - interval '1 day' where organizer_id = ${organizer.userId}`;
    for (let i = 0; i < 5; i += 1) {
      const member = await createUser(t.sql, { displayName: `Cron Member ${i}` });
      await t.sql`update app.profiles set city_id = 'bialystok' where id = ${member.userId}`;
      await openProfile(t.sql, member.userId, { identity: 'organizers', skills: 'organizers' });
    }

    const first = await runJobsScript();
    expect(first.output).toContain('saved-search-digest: ran');
    expect(first.code).toBe(0);
    const mails = await t.sql`select locale, body_text from app.mail_outbox where to_address = ${organizer.email}`;
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ locale: 'be' });
    expect(mails[0]!.body_text).toContain('• Białystok: 5 новых удзельнікаў');
    expect(mails[0]!.body_text).not.toContain('Cron Member');

    // Not due again within the hour; forced, it runs but finds nothing new to send.
    expect((await runJobsScript()).output).toContain('saved-search-digest: not-due');
    const forced = await runJobsScript(['--job', 'saved-search-digest']);
    expect(forced.code).toBe(0);
    expect(forced.output).toContain('saved-search-digest: ran');
    expect(await t.sql`select 1 from app.mail_outbox where to_address = ${organizer.email}`).toHaveLength(1);
  });

  it('refuses an unknown job by name', async () => {
    const run = await runJobsScript(['--job', 'no-such-job']);
    expect(run.code).toBe(2);
    expect(run.output).toContain('Unknown job "no-such-job"');
  });
});
