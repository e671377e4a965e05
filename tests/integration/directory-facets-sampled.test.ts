import type { JSONValue } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createMember, veteranOrganizer, type MemberSpec, type SearchAnswer } from '../support/directory-world';

/**
 * Facets of a large match set (decision 030): above `talaka.facet_sample_size` matches whose
 * skills part is open (2,500 by default; small here), skill, language and direction counts come
 * from the matches whose id falls below a bound, scaled by the inverse of the share, rounded to two
 * significant digits and marked `about`. The total and the city facet stay exact. The expected
 * estimates are computed here from the same ids, so the test is exact, not statistical.
 */
let t: TestDatabase;
let organizer: Identity;
const fundraisers: string[] = [];
const writers: string[] = [];

const vilnian: MemberSpec = { name: 'Алесь Віленскі', city: 'vilnius', skills: { fundraising: 2 }, languages: { be: 'native' }, directions: ['media'] };
const warsovian: MemberSpec = { name: 'Ян Варшаўскі', city: 'warsaw', skills: { 'grant-writing': 3 }, languages: { pl: 'C1' }, directions: ['human-rights'] };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.sql`update app.quota_limits set "limit" = 100000 where action = 'search'`;
  organizer = await veteranOrganizer(t.sql);
  for (let i = 0; i < 160; i += 1) fundraisers.push(await createMember(t.sql, vilnian));
  for (let i = 0; i < 80; i += 1) writers.push(await createMember(t.sql, warsovian));
}, 120_000);
afterAll(() => t.drop());

async function searchWithSample(sampleSize: number | null, filters: Record<string, unknown> = {}) {
  return t.db.asUser(organizer, async (tx) => {
    if (sampleSize !== null) await tx`select set_config('talaka.facet_sample_size', ${String(sampleSize)}, true)`;
    const [row] = await tx`
      select app.organizer_search(${tx.json({ skills: [], skillMatch: 'any', sort: 'relevance', ...filters } as JSONValue)}::jsonb,
                                  null, 20, true) as page`;
    return row!.page as SearchAnswer;
  });
}

/** The estimate the database should give for `ids` when `sampleSize` of `open` matches are sampled. */
async function expectedEstimate(ids: string[], sampleSize: number, open: number) {
  const [row] = await t.sql<{ n: string }[]>`
    select count(*) filter (where id < app.uuid_fraction_bound(${sampleSize}::numeric / ${open})) as n
    from unnest(${ids}::uuid[]) as id`;
  const scaled = Number(row!.n) / (sampleSize / open);
  if (scaled < 5) return 'lt5';
  const digits = 1 - Math.floor(Math.log10(scaled));
  return { about: Math.round(scaled * 10 ** digits) / 10 ** digits };
}

describe('facets of a large match set', () => {
  it('are estimated from the sample, scaled and rounded; the total and cities stay exact', async () => {
    const answer = await searchWithSample(60);
    expect(answer.total).toBe(240);
    expect(answer.facets!.cities).toEqual([{ id: 'vilnius', count: 160 }, { id: 'warsaw', count: 80 }]);
    const fundraising = await expectedEstimate(fundraisers, 60, 240);
    const writing = await expectedEstimate(writers, 60, 240);
    const bySkill = Object.fromEntries(answer.facets!.skills!.map((entry) => [entry.id, entry.count]));
    expect(bySkill).toEqual({ fundraising, 'grant-writing': writing });
    const byLanguage = Object.fromEntries(answer.facets!.languages!.map((entry) => [entry.code, entry.count]));
    expect(byLanguage).toEqual({ be: fundraising, pl: writing });
    const byDirection = Object.fromEntries(answer.facets!.directions!.map((entry) => [entry.id, entry.count]));
    expect(byDirection).toEqual({ media: fundraising, 'human-rights': writing });
    // Scaled, not the raw sample: an estimate of 160 members is far above the ~60 sampled.
    expect((fundraising as { about: number }).about).toBeGreaterThan(60);
  });

  it('give the same estimates for the same search (the same members are sampled)', async () => {
    const first = await searchWithSample(60);
    const second = await searchWithSample(60);
    expect(second.facets).toEqual(first.facets);
  });

  it('are exact while the open matches fit the sample, as by default', async () => {
    for (const size of [240, null]) {
      const answer = await searchWithSample(size);
      expect(answer.facets!.skills).toEqual([{ id: 'fundraising', count: 160 }, { id: 'grant-writing', count: 80 }]);
    }
  });

  it('follow the filter: a filter that leaves fewer matches than the sample counts exactly', async () => {
    const warsaw = await searchWithSample(100, { city: 'Warszawa' });
    expect(warsaw.total).toBe(80);
    expect(warsaw.facets!.skills).toEqual([{ id: 'grant-writing', count: 80 }]);
  });

  it('never let an exact or estimated count from 1 to 4 out', async () => {
    const answer = await searchWithSample(3);
    const counts = Object.values(answer.facets!).flatMap((entries) => entries.map((entry) => entry.count as unknown));
    for (const count of counts) {
      if (typeof count === 'number') expect(count === 0 || count >= 5).toBe(true);
      else if (typeof count === 'object' && count !== null) expect((count as { about: number }).about).toBeGreaterThanOrEqual(5);
      else expect(count).toBe('lt5');
    }
  });
});
