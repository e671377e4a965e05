import { describe, expect, it } from 'vitest';
import { legendSteps, shadeOf, shapeTalentMap, shownCount, type Names, type RawTalentMap } from './talent-map-shape';

const named = (id: string, en: string) => ({ id, name_be: `${en} (be)`, name_en: en, name_pl: `${en} (pl)` });
const names: Names = {
  cities: [named('vilnius', 'Vilnius'), named('warsaw', 'Warsaw')],
  countries: [named('LT', 'Lithuania'), named('PL', 'Poland')],
  categories: [named('it', 'IT'), named('law', 'Law')],
};

describe('shownCount', () => {
  it('never shows a number from 1 to 4, even if one slipped through', () => {
    expect(shownCount(null)).toEqual({ fewerThan: 5 });
    for (const n of [1, 2, 3, 4]) expect(shownCount(n)).toEqual({ fewerThan: 5 });
  });

  it('shows 0, an absent cell and counts from 5 up as they are', () => {
    expect(shownCount(undefined)).toEqual({ exact: 0 });
    expect(shownCount(0)).toEqual({ exact: 0 });
    expect(shownCount(5)).toEqual({ exact: 5 });
  });
});

describe('shadeOf', () => {
  it('has a step for none, fewer than 5 and three thirds of the largest count', () => {
    expect(shadeOf({ exact: 0 }, 30)).toBe(0);
    expect(shadeOf({ fewerThan: 5 }, 30)).toBe(1);
    expect(shadeOf({ exact: 10 }, 30)).toBe(2);
    expect(shadeOf({ exact: 20 }, 30)).toBe(3);
    expect(shadeOf({ exact: 30 }, 30)).toBe(4);
  });
});

describe('legendSteps', () => {
  it('splits 5 … largest into the three shades, matching shadeOf', () => {
    expect(legendSteps(30, 'en')).toEqual([
      { shade: 2, from: '5', to: '10' },
      { shade: 3, from: '11', to: '20' },
      { shade: 4, from: '21', to: '30' },
    ]);
    expect(shadeOf({ exact: 11 }, 30)).toBe(3);
    expect(shadeOf({ exact: 21 }, 30)).toBe(4);
  });

  it('leaves out shades no count can reach, and writes numbers as the language does', () => {
    expect(legendSteps(6, 'en')).toEqual([{ shade: 4, from: '5', to: '6' }]);
    expect(legendSteps(0, 'en')).toEqual([]);
    expect(legendSteps(3000, 'en').at(-1)).toEqual({ shade: 4, from: '2,001', to: '3,000' });
  });
});

describe('shapeTalentMap', () => {
  const raw: RawTalentMap = {
    categories: ['it', 'law'],
    cities: [
      { city: 'warsaw', country: 'PL', total: 40, cells: { it: 30, law: null } },
      { city: 'vilnius', country: 'LT', total: 6, cells: { it: 5 } },
    ],
  };

  it('names cities, countries and categories in the reader’s language', () => {
    const map = shapeTalentMap(raw, names, 'pl');
    expect(map.categories.map((category) => category.name)).toEqual(['IT (pl)', 'Law (pl)']);
    expect(map.rows[0]).toMatchObject({ cityId: 'warsaw', city: 'Warsaw (pl)', country: 'Poland (pl)', total: { exact: 40 } });
  });

  it('gives every category a cell in every row, in the categories’ order', () => {
    const map = shapeTalentMap(raw, names, 'en');
    expect(map.rows[1]!.cells).toEqual([
      { categoryId: 'it', count: { exact: 5 }, text: '5', shade: 2 },
      { categoryId: 'law', count: { exact: 0 }, text: '0', shade: 0 },
    ]);
    expect(map.rows[0]!.cells[1]).toEqual({ categoryId: 'law', count: { fewerThan: 5 }, text: null, shade: 1 });
  });

  it('keeps at most 20 cities', () => {
    const many = { ...raw, cities: Array.from({ length: 25 }, (_, i) => ({ city: `c${i}`, country: 'PL', total: 5, cells: {} })) };
    expect(shapeTalentMap(many, names, 'be').rows).toHaveLength(20);
  });
});
