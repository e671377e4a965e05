/**
 * `npm run bench -- --profiles 500000 [--iterations 30] [--baseline-iterations 5] [--no-baseline]
 *    [--warmup 3] [--baseline-warmup 1] [--http-seconds 20] [--storm 2000] [--storm-capacity 150]
 *    [--storm-connections 50] [--plans] [--plans-database-url SUPERUSER_URL]
 *    [--seed 1] [--database-url URL | --recreate] [--skip-migrations]`
 *
 * The benchmark of issue 6: organizer searches through app.organizer_search() exactly as the app
 * calls it, against the baseline of a typical Supabase app on the same data; the SSR search page
 * over HTTP at 16 connections; a sign-up storm (2,000 members, a 150-seat event); prints p50 /
 * p95 / p99 and throughput, writes JSON to bench-results/ and draws bench-results/p95-by-size.svg. Benchmarks are not tests (DESIGN §10).
 *
 * Default target: database talaka_bench_<profiles> of the app's embedded cluster (stop the app
 * first), generated when missing or incomplete. Its search quota is raised for the benchmark;
 * no other database is touched that way.
 */
import type { Sql } from '../app/platform/db/client.server';
import { prepareBaseline } from './bench/baseline';
import { dropOrganizers, prepareOrganizers } from './bench/organizers';
import { writeChart } from './bench/chart';
import { writePlans } from './bench/plans';
import { benchHttp } from './bench/http';
import { QUERY_MIX } from './bench/queries';
import { printTable, writeResults } from './bench/report';
import { printHttp } from './bench/http-report';
import { printStorm } from './bench/storm-report';
import { signUpStorm } from './bench/storm';
import { timeQueries, type QueryResult } from './bench/run';
import { intOption, readArgs, stringOption } from './data/options';
import { generatedState } from './data/steps';
import { openTarget } from './data/target';
import { generate } from './generate-data';

const log = (line: string) => console.log(`[bench] ${line}`);

type BenchOptions = {
  profiles: number; seed: number; iterations: number; baselineIterations: number; warmup: number; baselineWarmup: number;
  httpSeconds: number; stormSignUps: number; stormCapacity: number; stormConnections: number;
  plans: boolean;
};
type BenchState = { sql: Sql; url: string; superuserUrl?: string; options: BenchOptions; results: Record<string, unknown> };
type BenchStep = { name: string; todo?: string; run?(state: BenchState): Promise<void> };

/** What `npm run bench` does, in order. Steps marked todo are printed as not measured, never faked. */
const BENCH_STEPS: BenchStep[] = [
  {
    name: 'data',
    async run({ sql, options, results }) {
      const state = await generatedState(sql, options.seed);
      if (state.members === options.profiles && state.ofSeed === options.profiles) {
        log(`${options.profiles} generated members are there.`);
        return;
      }
      log(`Generating ${options.profiles} members…`);
      const seconds = await generate(sql, { profiles: options.profiles, seed: options.seed, batch: 5_000, jobs: 2 },
        (line) => log(`generate: ${line}`));
      results.generation = { seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(options.profiles / seconds) };
    },
  },
  {
    name: 'SQL search, ours and baseline',
    async run({ sql, options, results }) {
      await dropOrganizers(sql);
      const organizers = await prepareOrganizers(sql, 8);
      const baselineSeconds = options.baselineIterations > 0 ? await prepareBaseline(sql, log) : 0;
      const queries: QueryResult[] = await timeQueries(sql, organizers, QUERY_MIX, { ...options, log });
      results.sql = { iterations: options.iterations, baselineIterations: options.baselineIterations, baselineBuildSeconds: baselineSeconds, queries };
      printTable(options.profiles, queries);
    },
  },
  {
    name: 'query plans (--plans)',
    async run({ sql, superuserUrl, options, results }) {
      if (!options.plans) return log('Plans skipped (add --plans).');
      if (!superuserUrl) return log('Plans need a superuser: the embedded cluster, or --plans-database-url.');
      const [organizer] = await prepareOrganizers(sql, 1);
      results.plans = await writePlans(superuserUrl, organizer!, QUERY_MIX, options.profiles, log);
      log(`Plans written to ${results.plans as string}.`);
    },
  },
  {
    name: 'SSR search page over HTTP at 16 connections',
    async run({ sql, url, options, results }) {
      if (options.httpSeconds === 0) return log('HTTP step skipped (--http-seconds 0).');
      const http = await benchHttp(sql, url, { connections: 16, seconds: options.httpSeconds, log });
      results.http = http;
      printHttp(options.profiles, http);
    },
  },
  {
    name: 'sign-up storm',
    async run({ sql, url, options, results }) {
      if (options.stormSignUps === 0) return log('Storm skipped (--storm 0).');
      const [organizer] = await prepareOrganizers(sql, 1);
      const storm = await signUpStorm(sql, url, {
        signUps: Math.min(options.stormSignUps, options.profiles), capacity: options.stormCapacity,
        connections: options.stormConnections, organizer: organizer!, log,
      });
      results.storm = storm;
      printStorm(storm);
    },
  },
  // Then, after the JSON is written: the SVG chart of p95 against data size from every JSON in bench-results/.
];

async function main() {
  const args = readArgs(process.argv.slice(2));
  const options: BenchOptions = {
    profiles: intOption(args, 'profiles', 500_000, 100, 2_000_000),
    seed: intOption(args, 'seed', 1, 0, 1_000_000),
    iterations: intOption(args, 'iterations', 30, 1, 10_000),
    baselineIterations: args.has('no-baseline') ? 0 : intOption(args, 'baseline-iterations', 5, 0, 1_000),
    warmup: intOption(args, 'warmup', 3, 0, 100),
    baselineWarmup: intOption(args, 'baseline-warmup', 1, 0, 100),
    httpSeconds: intOption(args, 'http-seconds', 20, 0, 600),
    stormSignUps: intOption(args, 'storm', 2_000, 0, 100_000),
    stormCapacity: intOption(args, 'storm-capacity', 150, 1, 100_000),
    stormConnections: intOption(args, 'storm-connections', 50, 1, 200),
    plans: args.has('plans'),
  };
  const target = await openTarget({
    databaseUrl: stringOption(args, 'database-url'),
    database: `talaka_bench_${options.profiles}`,
    connections: 3,
    recreate: args.has('recreate'),
    skipMigrations: args.has('skip-migrations'),
    log,
  });
  const results: Record<string, unknown> = { options, target: target.describe, notMeasured: [] as string[] };
  try {
    log(`Target: ${target.describe}.`);
    for (const step of BENCH_STEPS) {
      if (step.todo) {
        log(`Not measured yet: ${step.name} (${step.todo}).`);
        (results.notMeasured as string[]).push(step.name);
        continue;
      }
      log(`Step: ${step.name}`);
      await step.run!({ sql: target.sql, url: target.url, superuserUrl: stringOption(args, 'plans-database-url') ?? target.superuserUrl, options, results });
    }
    const file = await writeResults(options.profiles, results);
    log(`Wrote ${file}.`);
    const { file: chart, series } = await writeChart();
    log(`Chart of p95 against data size (${series.length} series, every JSON in bench-results/): ${chart}.`);
  } finally {
    await target.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
