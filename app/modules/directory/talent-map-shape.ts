import type { Language } from '~/i18n/config';
import { SMALL_COUNT, type ShownCount } from './directory-model';

/**
 * The talent map as the page draws it, made from what app.talent_map() returns (ids and counts,
 * counts 1–4 already null) and the reference names. Pure, so it is tested without a database.
 * Shades are steps of one hue: 0 none, 1 fewer than 5, 2–4 by thirds of the largest count.
 */

/** Rows on the page: the largest cities. */
export const MAX_CITIES = 20;

export type Shade = 0 | 1 | 2 | 3 | 4;
/** `text` is the number as the reader's language writes it; null for "fewer than 5". */
export type MapCell = { categoryId: string; count: ShownCount; text: string | null; shade: Shade };
export type MapRow = { cityId: string; city: string; country: string; total: ShownCount; totalText: string | null; cells: MapCell[] };
/** One legend entry per shade of exact counts that the map can hold: counts from `from` to `to`. */
export type LegendStep = { shade: 2 | 3 | 4; from: string; to: string };
export type TalentMap = { categories: { id: string; name: string }[]; rows: MapRow[]; legend: LegendStep[] };

/** What app.talent_map() returns (see its migration). */
export type RawTalentMap = {
  categories: string[];
  cities: { city: string; country: string; total: number | null; cells: Record<string, number | null> }[];
};

export type NamedRow = { id: string; name_be: string; name_en: string; name_pl: string };
export type Names = { cities: NamedRow[]; countries: NamedRow[]; categories: NamedRow[] };

/** A count from the database as shown: null (suppressed there) and anything below 5 → "fewer than 5". */
export function shownCount(value: number | null | undefined): ShownCount {
  if (value === undefined || value === 0) return { exact: 0 };
  if (value === null || value < SMALL_COUNT) return { fewerThan: SMALL_COUNT };
  return { exact: value };
}

export function shadeOf(count: ShownCount, largest: number): Shade {
  if ('fewerThan' in count) return 1;
  if (count.exact === 0) return 0;
  // In integers, so the shades agree exactly with legendSteps' floor(largest × k / 3).
  const top = Math.max(largest, count.exact);
  return count.exact * 3 <= top ? 2 : count.exact * 3 <= top * 2 ? 3 : 4;
}

const nameIn = (rows: NamedRow[], id: string, language: Language) => {
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) return id;
  return language === 'en' ? row.name_en : language === 'pl' ? row.name_pl : row.name_be;
};

/** The ranges of counts each exact shade stands for, given the largest count; empty ranges are left out. */
export function legendSteps(largest: number, language: Language): LegendStep[] {
  const number = new Intl.NumberFormat(language);
  const steps: LegendStep[] = [];
  let from = SMALL_COUNT;
  for (const shade of [2, 3, 4] as const) {
    const to = shade === 4 ? largest : Math.floor((largest * (shade - 1)) / 3);
    if (to >= from) steps.push({ shade, from: number.format(from), to: number.format(to) });
    from = Math.max(from, to + 1);
  }
  return steps;
}

export function shapeTalentMap(raw: RawTalentMap, names: Names, language: Language): TalentMap {
  const cities = raw.cities.slice(0, MAX_CITIES);
  const largest = Math.max(0, ...cities.flatMap((city) => Object.values(city.cells).map((value) => value ?? 0)));
  const number = new Intl.NumberFormat(language);
  const text = (count: ShownCount) => ('exact' in count ? number.format(count.exact) : null);
  return {
    legend: legendSteps(largest, language),
    categories: raw.categories.map((id) => ({ id, name: nameIn(names.categories, id, language) })),
    rows: cities.map((city) => ({
      cityId: city.city,
      city: nameIn(names.cities, city.city, language),
      country: nameIn(names.countries, city.country, language),
      total: shownCount(city.total),
      totalText: text(shownCount(city.total)),
      cells: raw.categories.map((categoryId) => {
        const count = shownCount(city.cells[categoryId]);
        return { categoryId, count, text: text(count), shade: shadeOf(count, largest) };
      }),
    })),
  };
}
