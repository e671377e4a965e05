import { createDb, type Identity, type Sql } from '../../app/platform/db/client.server';
import { baselineSearch } from './baseline';
import type { DirectoryQuery } from './queries';
import { figures, type Figures } from './stats';

/**
 * Times the query mix, ours and the baseline, one call after another on one connection.
 * Ours: app.organizer_search() in a transaction as the app opens it (claims with aal2, role
 * authenticated, RLS in force, power check, quota and audit row included). Each timing is the
 * whole round trip of that transaction, as the server module sees it.
 */
export type QueryResult = {
  name: string;
  selective: boolean;
  facets: boolean;
  ours: Figures & { total: unknown };
  baseline?: Figures & { total: number };
  /** p95 of ours divided by p95 of the baseline (below 1 is faster). */
  oursOverBaseline?: number;
};

export async function timeQueries(
  sql: Sql,
  organizers: Identity[],
  mix: readonly DirectoryQuery[],
  options: { iterations: number; baselineIterations: number; warmup: number; baselineWarmup: number; log: (line: string) => void },
): Promise<QueryResult[]> {
  const db = createDb(sql);
  let turn = 0;
  const organizer = () => organizers[turn++ % organizers.length]!;
  const results: QueryResult[] = [];

  for (const query of mix) {
    const pages = query.pages ?? 1;
    // Ours
    const samples: number[] = [];
    let total: unknown;
    let wall = 0;
    for (let i = 0; i < options.warmup + options.iterations; i++) {
      let after: unknown = null;
      for (let page = 1; page <= pages; page++) {
        const started = performance.now();
        const answer = await db.asUser(organizer(), async (tx) => {
          const [row] = await tx`select app.organizer_search(${query.filters as never}::jsonb, ${after as never}::jsonb, 20, ${query.facets}) as r`;
          return row!.r as { total: unknown; next: unknown };
        });
        const ms = performance.now() - started;
        after = answer.next;
        total = answer.total;
        if (i >= options.warmup && (pages === 1 || page > 1)) {
          samples.push(ms);
          wall += ms;
        }
        if (pages > 1 && !after) break;
      }
    }
    const result: QueryResult = { name: query.name, selective: query.selective, facets: query.facets, ours: { ...figures(samples, wall), total } };

    // Baseline
    if (options.baselineIterations > 0) {
      const baseSamples: number[] = [];
      let baseWall = 0;
      let baseTotal = 0;
      for (let i = 0; i < options.baselineWarmup + options.baselineIterations; i++) {
        for (let page = pages > 1 ? 2 : 1; page <= pages; page++) {
          const started = performance.now();
          const answer = await db.asUser(organizer(), async (tx) => {
            await tx`set local statement_timeout = '300s'`;
            return baselineSearch(tx, query.filters as never, page, query.facets);
          });
          const ms = performance.now() - started;
          baseTotal = answer.total;
          if (i >= options.baselineWarmup) {
            baseSamples.push(ms);
            baseWall += ms;
          }
        }
      }
      result.baseline = { ...figures(baseSamples, baseWall), total: baseTotal };
      result.oursOverBaseline = Math.round((result.ours.p95 / result.baseline.p95) * 10000) / 10000;
    }
    options.log(
      `${query.name}: ours p95 ${result.ours.p95} ms` +
        (result.baseline ? `, baseline p95 ${result.baseline.p95} ms (baseline ÷ ours ${(result.baseline.p95 / result.ours.p95).toFixed(1)}×)` : ''),
    );
    results.push(result);
  }
  return results;
}
