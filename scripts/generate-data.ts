/**
 * `npm run db:generate -- --profiles 500000 [--seed 1] [--reset] [--jobs 2] [--batch 5000]
 *    [--database talaka [--recreate] | --database-url URL] [--skip-migrations]`
 *
 * Fills a database with generated members (issue 6): realistic places, skills, languages,
 * availability and visibility, names in Cyrillic, Łacinka, Latin and Polish spellings. Written
 * with COPY through the app's own triggers (profiles from auth.users, consents before opened
 * parts, list limits). Generated accounts have e-mails at generated.talaka.invalid and cannot
 * sign in. `--reset` drops them (alone, or before generating again).
 *
 * Default target: database `talaka` of the app's embedded cluster (stop the app first).
 */
import { intOption, readArgs, stringOption } from './data/options';
import { dropGenerated, GENERATE_STEPS, type GenerateOptions } from './data/steps';
import { openTarget } from './data/target';
import type { Sql } from '../app/platform/db/client.server';

const log = (line: string) => console.log(`[generate] ${line}`);

/** Runs every step against an open database (the benchmark calls this too). */
export async function generate(sql: Sql, options: GenerateOptions, logLine = log) {
  const started = performance.now();
  for (const step of GENERATE_STEPS) {
    logLine(`Step: ${step.name}`);
    await step.run({ sql, options, log: logLine });
  }
  return (performance.now() - started) / 1000;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  const reset = args.has('reset');
  const options: GenerateOptions = {
    profiles: intOption(args, 'profiles', reset ? 0 : 10_000, 0, 2_000_000),
    seed: intOption(args, 'seed', 1, 0, 1_000_000),
    batch: intOption(args, 'batch', 5_000, 100, 100_000),
    jobs: intOption(args, 'jobs', 2, 1, 8),
  };
  const target = await openTarget({
    databaseUrl: stringOption(args, 'database-url') ?? undefined,
    database: stringOption(args, 'database') ?? 'talaka',
    connections: options.jobs + 1,
    recreate: args.has('recreate'),
    skipMigrations: args.has('skip-migrations'),
    log,
  });
  try {
    log(`Target: ${target.describe}.`);
    if (reset) await dropGenerated(target.sql, log);
    if (options.profiles > 0) {
      const seconds = await generate(target.sql, options);
      log(`Done in ${seconds.toFixed(1)} s.`);
    }
  } finally {
    await target.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
