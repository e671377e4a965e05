import type { LanguageLevel, WorkMode } from '~/modules/profiles/profile-model';
import { cursorFromNext } from './cursor.server';
import { SMALL_COUNT, type DirectoryCard, type DirectoryPage, type FacetCount, type Facets, type ShownCount } from './directory-model';

/**
 * The answer of app.organizer_search() in the directory's vocabulary. The database already left
 * out everything a card may not show and replaced every count from 1 to 4 by "lt5"; this only
 * renames, and reads defensively: anything unexpected becomes "fewer than 5" or is dropped,
 * never a number the database did not give.
 */

export type SearchRow = {
  total: unknown;
  cards: CardRow[];
  next: unknown;
  facets: Record<'cities' | 'skills' | 'languages' | 'directions', { id?: string; code?: string; count: unknown }[]> | null;
};

type CardRow = {
  id: string;
  display_name: string;
  headline: string | null;
  has_photo: boolean;
  city_id: string | null;
  country_code: string | null;
  work_mode: WorkMode | null;
  hours_per_week: number | null;
  skills: { id: string; level: number }[];
  languages: { code: string; level: LanguageLevel }[];
  directions: string[];
};

/** A count as shown: exact for 0 and from 5 up, otherwise "fewer than 5". */
export function toShownCount(count: unknown): ShownCount {
  if (typeof count === 'number' && Number.isInteger(count) && (count === 0 || count >= SMALL_COUNT)) return { exact: count };
  return { fewerThan: SMALL_COUNT };
}

/** A facet's count: as toShownCount, or `{ about }` for an estimate from 5 up (decision 030). */
export function toFacetCount(count: unknown): FacetCount {
  const about = typeof count === 'object' && count !== null ? (count as { about?: unknown }).about : undefined;
  if (typeof about === 'number' && Number.isInteger(about) && about >= SMALL_COUNT) return { about };
  return toShownCount(count);
}

function toCard(row: CardRow): DirectoryCard {
  return {
    id: row.id,
    displayName: row.display_name,
    headline: row.headline ?? null,
    cityId: row.city_id ?? null,
    countryCode: row.country_code ?? null,
    skills: (row.skills ?? []).map((skill) => ({ id: skill.id, level: skill.level })),
    languages: (row.languages ?? []).map((entry) => ({ code: entry.code, level: entry.level })),
    directions: row.directions ?? [],
    workMode: row.work_mode ?? null,
    hoursPerWeek: row.hours_per_week ?? null,
    hasPhoto: row.has_photo === true,
  };
}

function toFacets(facets: NonNullable<SearchRow['facets']>): Facets {
  const byId = (entries: { id?: string; count: unknown }[] = []) =>
    entries.map((entry) => ({ id: String(entry.id), count: toFacetCount(entry.count) }));
  return {
    cities: byId(facets.cities),
    skills: byId(facets.skills),
    languages: (facets.languages ?? []).map((entry) => ({ code: String(entry.code), count: toFacetCount(entry.count) })),
    directions: byId(facets.directions),
  };
}

export function toDirectoryPage(row: SearchRow): DirectoryPage {
  return {
    total: toShownCount(row.total),
    cards: (row.cards ?? []).map(toCard),
    next: cursorFromNext(row.next),
    facets: row.facets ? toFacets(row.facets) : null,
  };
}
