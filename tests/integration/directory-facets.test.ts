import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDirectory } from '../../app/modules/directory/search.server';
import type { Identity } from '../../app/platform/db/client.server';
import { setRuntime, type Runtime } from '../../app/platform/runtime.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createMember, search, veteranOrganizer, type MemberSpec } from '../support/directory-world';

/**
 * Facets (issue 4 point 5, DESIGN §8, decision 017): counts per city, skill, language and
 * direction for the current filter, over members whose skills part is open to organizers. A
 * count from 1 to 4 leaves the database only as "lt5" — in the facets and in the total — so no
 * filter can single a person out.
 */
let t: TestDatabase;
let organizer: Identity;

const vilnian: MemberSpec = { name: 'Алесь Віленскі', city: 'vilnius', skills: { fundraising: 2 }, languages: { be: 'native' }, directions: ['media'] };
const warsovian: MemberSpec = { name: 'Ян Варшаўскі', city: 'warsaw', skills: { 'grant-writing': 3 }, languages: { pl: 'C1' }, directions: ['human-rights'] };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.sql`update app.quota_limits set "limit" = 100000 where action = 'search'`;
  organizer = await veteranOrganizer(t.sql);
  for (let i = 0; i < 7; i += 1) await createMember(t.sql, vilnian);
  for (let i = 0; i < 3; i += 1) await createMember(t.sql, warsovian);
  await createMember(t.sql, { name: 'Пятро Каўненскі', city: 'kaunas', skills: { fundraising: 4 } });
  // Found by name, but their skills part is theirs alone: in the total, never in a facet.
  for (let i = 0; i < 2; i += 1) await createMember(t.sql, { ...vilnian, name: 'Схаваны Віленскі', skillsPart: 'only_me' });
});
afterAll(() => t.drop());

const withFacets = (filters: Record<string, unknown>) => search(t.db, organizer, filters, { facets: true });

describe('facets', () => {
  it('count per city, skill, language and direction; 5 and more exact, 1 to 4 as "lt5"', async () => {
    const answer = await withFacets({});
    expect(answer.total).toBe(13);
    expect(answer.facets).toEqual({
      // Among the "fewer than 5", the order is by id: it says nothing about which is bigger.
      cities: [{ id: 'vilnius', count: 7 }, { id: 'kaunas', count: 'lt5' }, { id: 'warsaw', count: 'lt5' }],
      skills: [{ id: 'fundraising', count: 8 }, { id: 'grant-writing', count: 'lt5' }],
      languages: [{ code: 'be', count: 7 }, { code: 'pl', count: 'lt5' }],
      directions: [{ id: 'media', count: 7 }, { id: 'human-rights', count: 'lt5' }],
    });
  });

  it('follow the current filter, and a total of 3 is "lt5" too', async () => {
    const warsaw = await withFacets({ city: 'Warszawa' });
    expect(warsaw.total).toBe('lt5');
    expect(warsaw.cards).toHaveLength(3);
    expect(warsaw.facets).toEqual({
      cities: [{ id: 'warsaw', count: 'lt5' }],
      skills: [{ id: 'grant-writing', count: 'lt5' }],
      languages: [{ code: 'pl', count: 'lt5' }],
      directions: [{ id: 'human-rights', count: 'lt5' }],
    });
    const fundraisers = await withFacets({ skills: ['fundraising'] });
    expect(fundraisers.total).toBe(8);
    expect(fundraisers.facets!.cities).toEqual([{ id: 'vilnius', count: 7 }, { id: 'kaunas', count: 'lt5' }]);
    expect(fundraisers.facets!.languages).toEqual([{ code: 'be', count: 7 }]);
    const nobody = await withFacets({ city: 'Kraków' });
    expect(nobody.total).toBe(0);
    expect(nobody.facets).toEqual({ cities: [], skills: [], languages: [], directions: [] });
  });

  it('never let an exact count from 1 to 4 out, anywhere in the answer', async () => {
    for (const filters of [{}, { city: 'Warszawa' }, { q: 'Каўненскі' }, { country: 'LT' }, { language: 'pl' }]) {
      const answer = await withFacets(filters);
      const counts = [answer.total, ...Object.values(answer.facets!).flatMap((entries) => entries.map((entry) => entry.count))];
      expect(counts.filter((count) => typeof count === 'number' && count > 0 && count < 5), JSON.stringify(filters)).toEqual([]);
    }
  });

  it('are null when not asked for', async () => {
    const answer = await search(t.db, organizer, {}, { facets: false });
    expect(answer.facets).toBeNull();
    expect(answer.total).toBe(13);
  });

  it('show the top 15 of each', async () => {
    const skills = await t.sql`select id from app.skills order by id limit 20`;
    await createMember(t.sql, { name: 'Шматрук Гданьскі', city: 'gdansk', skills: Object.fromEntries(skills.map((row) => [row.id as string, 1])) });
    const answer = await withFacets({ city: 'Gdańsk' });
    expect(answer.facets!.skills).toEqual(skills.slice(0, 15).map((row) => ({ id: row.id, count: 'lt5' })));
  });

  it('reach the page as ShownCount through the server module', async () => {
    setRuntime({ db: t.db } as unknown as Runtime);
    try {
      const page = await searchDirectory(organizer, { skills: [], skillMatch: 'any', sort: 'relevance', city: 'Варшава' });
      expect(page.total).toEqual({ fewerThan: 5 });
      expect(page.facets!.cities).toEqual([{ id: 'warsaw', count: { fewerThan: 5 } }]);
      const all = await searchDirectory(organizer, { skills: [], skillMatch: 'any', sort: 'recent' });
      expect(all.facets!.skills[0]).toEqual({ id: 'fundraising', count: { exact: 8 } });
      expect((await searchDirectory(organizer, { skills: [], skillMatch: 'any', sort: 'recent' }, { facets: false })).facets).toBeNull();
    } finally {
      setRuntime(undefined);
    }
  });
});
