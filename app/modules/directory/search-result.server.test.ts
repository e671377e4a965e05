import { describe, expect, it } from 'vitest';
import { decodeCursor } from './cursor.server';
import { toDirectoryPage, toFacetCount, toShownCount } from './search-result.server';

describe('toShownCount', () => {
  it('keeps 0 and counts from 5 up exact, and shows anything else as fewer than 5', () => {
    expect(toShownCount(0)).toEqual({ exact: 0 });
    expect(toShownCount(5)).toEqual({ exact: 5 });
    expect(toShownCount(1234)).toEqual({ exact: 1234 });
    for (const value of ['lt5', 3, 1, null, undefined, 4.5, '12']) expect(toShownCount(value)).toEqual({ fewerThan: 5 });
  });
});

describe('toFacetCount', () => {
  it('reads an estimate from 5 up as about, and anything else as toShownCount does', () => {
    expect(toFacetCount({ about: 1200 })).toEqual({ about: 1200 });
    expect(toFacetCount(12)).toEqual({ exact: 12 });
    for (const value of [{ about: 4 }, { about: 5.5 }, { about: '1200' }, { other: 10 }, 'lt5', 3]) expect(toFacetCount(value)).toEqual({ fewerThan: 5 });
  });
});

describe('toDirectoryPage', () => {
  it('renames the allow-listed columns and turns next into an opaque cursor', () => {
    const next = { sort: 'recent', rank: 0, day: '2026-11-28', id: '3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60', page: 1 };
    const page = toDirectoryPage({
      total: 'lt5',
      next,
      cards: [
        {
          id: next.id,
          display_name: 'Алесь',
          headline: null,
          has_photo: false,
          city_id: 'vilnius',
          country_code: 'LT',
          work_mode: 'both',
          hours_per_week: 10,
          skills: [{ id: 'law', level: 3 }],
          languages: [{ code: 'be', level: 'native' }],
          directions: ['media'],
        },
      ],
      facets: { cities: [{ id: 'vilnius', count: 'lt5' }], skills: [{ id: 'law', count: 7 }], languages: [{ code: 'be', count: 'lt5' }], directions: [] },
    });
    expect(page.total).toEqual({ fewerThan: 5 });
    expect(page.cards[0]).toEqual({
      id: next.id,
      displayName: 'Алесь',
      headline: null,
      cityId: 'vilnius',
      countryCode: 'LT',
      skills: [{ id: 'law', level: 3 }],
      languages: [{ code: 'be', level: 'native' }],
      directions: ['media'],
      workMode: 'both',
      hoursPerWeek: 10,
      hasPhoto: false,
    });
    expect(decodeCursor(page.next)).toEqual(next);
    expect(page.facets).toEqual({
      cities: [{ id: 'vilnius', count: { fewerThan: 5 } }],
      skills: [{ id: 'law', count: { exact: 7 } }],
      languages: [{ code: 'be', count: { fewerThan: 5 } }],
      directions: [],
    });
  });

  it('gives no cursor on the last page and no facets when they were not asked for', () => {
    expect(toDirectoryPage({ total: 0, cards: [], next: null, facets: null })).toEqual({ total: { exact: 0 }, cards: [], next: null, facets: null });
  });
});
