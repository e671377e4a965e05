import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeChart } from '../../scripts/bench/chart';
import { benchHttp, type HttpResult } from '../../scripts/bench/http';
import { prepareOrganizers } from '../../scripts/bench/organizers';
import { writePlans } from '../../scripts/bench/plans';
import { QUERY_MIX } from '../../scripts/bench/queries';
import { signUpStorm } from '../../scripts/bench/storm';
import { generate } from '../../scripts/generate-data';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * The benchmark's HTTP step, sign-up storm and chart at smoke size (issue 6, acceptance 6), so
 * they never rot: a small generated database, the storm at 200 sign-ups for 15 places (exactly
 * 15 confirmed, the rest waitlisted in arrival order, no error), the SSR search page for two
 * seconds through the built app (run `npx remix build` first) signed in as an organizer with the
 * second factor, and the SVG chart drawn from result files.
 */
const quiet = () => {};
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await generate(t.sql, { profiles: 500, seed: 11, batch: 250, jobs: 2 }, quiet);
}, 120_000);
afterAll(() => t.drop());

describe('the sign-up storm', () => {
  it('confirms exactly the capacity and waitlists the rest in arrival order, without an error', async () => {
    const [organizer] = await prepareOrganizers(t.sql, 1);
    const storm = await signUpStorm(t.sql, t.url, { signUps: 200, capacity: 15, connections: 8, organizer: organizer! });
    expect(storm).toMatchObject({ signUps: 200, capacity: 15, confirmed: 15, waitlisted: 185, errors: 0, waitlistInOrder: true, correct: true });
    expect(storm.perSecond).toBeGreaterThan(0);
    expect(storm.latency.p95).toBeGreaterThan(0);
    expect(storm.latency.n).toBe(200);
    // The storm's event is removed afterwards; the generated events stay as they were.
    const [left] = await t.sql`select count(*)::int as n from app.events where title_en = 'Benchmark: sign-up storm'`;
    expect(left!.n).toBe(0);
  });

  it('refuses to run with fewer generated members than sign-ups', async () => {
    const [organizer] = await prepareOrganizers(t.sql, 1);
    await expect(signUpStorm(t.sql, t.url, { signUps: 5_000, capacity: 15, connections: 2, organizer: organizer! }))
      .rejects.toThrow(/needs 5000 generated members/);
  });
});

describe('the query plans (--plans)', () => {
  it('show the plans of the statements inside the search functions, as the organizer runs them', async () => {
    const [organizer] = await prepareOrganizers(t.sql, 1);
    const superuserUrl = inject('adminUrl').replace(/\/[^/]+$/, `/${new URL(t.url).pathname.slice(1)}`);
    const dir = await mkdtemp(path.join(tmpdir(), 'talaka-plans-'));
    try {
      const mix = QUERY_MIX.filter((query) => query.name === 'skill + city, facets');
      const file = await writePlans(superuserUrl, organizer!, mix, 500, quiet, { dir, minDurationMs: 0 });
      const text = await readFile(file, 'utf8');
      expect(text).toContain('=== skill + city, facets');
      // The matching inside app.directory_matches, with actual rows: the plan of what ran.
      expect(text).toMatch(/from app\.profiles p/);
      expect(text).toMatch(/actual time=[\d.]+\.\.[\d.]+ rows=/);
      expect(text).not.toContain('set_config(\'request.jwt.claims\'');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the search page over HTTP', () => {
  let http: HttpResult;
  beforeAll(async () => {
    http = await benchHttp(t.sql, t.url, { connections: 4, seconds: 2, log: quiet });
  }, 120_000);

  it('serves the organizer searches for two seconds, every answer a 200, with latency figures', () => {
    expect(http.connections).toBe(4);
    expect(http.requests).toBeGreaterThan(4);
    expect(http.statuses).toEqual({ '200': http.requests });
    expect(http.errors).toBe(0);
    for (const figure of [http.p50, http.p95, http.p99, http.perSecond, http.bytesPerPage]) expect(figure).toBeGreaterThan(0);
    expect(http.p50).toBeLessThanOrEqual(http.p95);
    expect(http.p95).toBeLessThanOrEqual(http.p99);
  });

  it('ran the audited search behind every page, as the bench organizer', async () => {
    const [row] = await t.sql`
      select count(*)::int as n from app.audit_events e join auth.users u on u.id = e.actor
      where e.action = 'search' and u.email like 'organizer-http-%'`;
    expect(row!.n).toBeGreaterThanOrEqual(http.requests);
  });
});

describe('the chart of p95 against data size', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'talaka-chart-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('draws one line per query over the sizes found, with the median of the runs at each size', async () => {
    const result = (profiles: number, p95: number) => ({
      profiles,
      sql: { queries: [{ name: 'skill + city, facets', ours: { p95 } }, { name: 'free text <Latin>', ours: { p95: p95 * 2 } }] },
      http: { p95: p95 * 3 },
    });
    await writeFile(path.join(dir, 'a-10000.json'), JSON.stringify(result(10_000, 10)));
    await writeFile(path.join(dir, 'b-10000.json'), JSON.stringify(result(10_000, 30)));
    await writeFile(path.join(dir, 'c-10000.json'), JSON.stringify(result(10_000, 20)));
    await writeFile(path.join(dir, 'd-500000.json'), JSON.stringify(result(500_000, 400)));
    await writeFile(path.join(dir, 'lighthouse-summary.json'), '{}');
    await writeFile(path.join(dir, 'broken-100000.json'), '{ not json');
    const { file, series } = await writeChart({ dir });
    expect(file).toBe(path.join(dir, 'p95-by-size.svg'));
    expect(series.map((s) => s.name)).toEqual(['skill + city, facets', 'free text <Latin>', 'SSR page over HTTP, 16 connections']);
    expect(series[0]!.points).toEqual([{ profiles: 10_000, p95: 20, runs: 3 }, { profiles: 500_000, p95: 400, runs: 1 }]);
    const svg = await readFile(file, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('free text &lt;Latin&gt;');
    expect(svg).toContain('>10k<');
    expect(svg).toContain('>500k<');
  });
});
