/**
 * `npm run jobs`: runs every background job that is due, once, and exits — for cron on a server
 * (supabase mode, or app instances started with JOBS=off). `npm run jobs -- --job <name>` runs
 * that one job now, due or not. Safe beside running app instances: each job takes its lock in
 * the database (app/platform/jobs/run-job.server.ts). Exit code 1 when a job failed.
 *
 * Needs DATABASE_URL: in local mode the app runs its jobs itself, and a second embedded
 * PostgreSQL on the same data folder would stop the app's.
 */
import { loadConfigOrExit } from '../app/platform/config.server';
import { connect } from '../app/platform/db/client.server';
import { assertMigrationsApplied } from '../app/platform/db/migrate.server';
import { runDueJobs } from '../app/platform/jobs/run-job.server';
import { allJobs } from '../server/jobs';

const log = (line: string) => console.log(`[talaka jobs] ${line}`);

function chosenJob(argv: string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--job' || arg.startsWith('--job='));
  if (index === -1) return undefined;
  const arg = argv[index]!;
  return arg.startsWith('--job=') ? arg.slice('--job='.length) : argv[index + 1];
}

async function main() {
  const config = loadConfigOrExit();
  if (!config.databaseUrl) {
    console.error('npm run jobs needs DATABASE_URL (in local mode the app runs its jobs itself).');
    return 1;
  }
  const jobs = allJobs(config);
  const only = chosenJob(process.argv.slice(2));
  if (only !== undefined && !jobs.some((job) => job.name === only)) {
    console.error(`Unknown job "${only}". Jobs: ${jobs.map((job) => job.name).join(', ')}.`);
    return 2;
  }
  const sql = connect(config.databaseUrl, { max: 3, prepare: config.mode !== 'supabase' });
  try {
    await assertMigrationsApplied(sql);
    const outcomes = await runDueJobs(sql, jobs, { log, only });
    for (const [name, outcome] of Object.entries(outcomes)) log(`${name}: ${outcome}`);
    return Object.values(outcomes).includes('failed') ? 1 : 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Jobs could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
