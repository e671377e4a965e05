import type { LanguageLevel, WorkMode } from '~/modules/profiles/profile-model';

/**
 * The directory's vocabulary, shared by the search page (which reads and writes these filters
 * in the URL) and the server module that hands them to `app.organizer_search()`. Plain JSON
 * types only. Every field is optional except the defaults; an empty filter lists everyone
 * visible to organizers, most recently active first.
 */

/** At most this many cards per page (DESIGN §8). */
export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Counts below this are shown as "fewer than 5", in facets and in the total. */
export const SMALL_COUNT = 5;

export const SORTS = ['relevance', 'recent'] as const;
export type Sort = (typeof SORTS)[number];

export const SKILL_MATCHES = ['any', 'all'] as const;
export type SkillMatch = (typeof SKILL_MATCHES)[number];

export type DirectoryFilters = {
  /** Free text: a name, headline word or tag, in any alphabet (folded by app.search_key). */
  q?: string;
  /** Skill ids (app.skills.id), at most 10. */
  skills: string[];
  skillMatch: SkillMatch;
  /** 1 learning … 4 expert; applies to every chosen skill. */
  minSkillLevel?: 1 | 2 | 3 | 4;
  /** A city as typed, in any spelling ("Wilno", "Вільня", "Вильнюс", "Vilnius") or a city id. */
  city?: string;
  /** A country code (app.countries.code); matches members in any of its cities too. */
  country?: string;
  /** A language code (app.languages.code) with an optional minimum level. */
  language?: string;
  minLanguageLevel?: LanguageLevel;
  /** A direction id (app.directions.id). */
  direction?: string;
  /** remote or on_site; members who chose "both" match either. */
  workMode?: Exclude<WorkMode, 'both'>;
  /** At least this many hours a week. */
  minHours?: number;
  sort: Sort;
};

/** Where the next page starts: opaque to the page, made and read by the server module. */
export type Cursor = string;

/** A result card: only what the member opened to organizers, never contact details. */
export type DirectoryCard = {
  id: string;
  displayName: string;
  headline: string | null;
  /** Present only when the member opened the skills part to organizers. */
  cityId: string | null;
  countryCode: string | null;
  skills: { id: string; level: number }[];
  languages: { code: string; level: LanguageLevel }[];
  directions: string[];
  workMode: WorkMode | null;
  hoursPerWeek: number | null;
  hasPhoto: boolean;
};

/** A count as shown: exact from 5 up, otherwise "fewer than 5". */
export type ShownCount = { exact: number } | { fewerThan: typeof SMALL_COUNT };

/** A facet's count: as shown, or estimated from a sample of a large match set (decision 030). */
export type FacetCount = ShownCount | { about: number };

export type Facets = {
  cities: { id: string; count: FacetCount }[];
  skills: { id: string; count: FacetCount }[];
  languages: { code: string; count: FacetCount }[];
  directions: { id: string; count: FacetCount }[];
};

export type DirectoryPage = {
  total: ShownCount;
  cards: DirectoryCard[];
  /** null on the last page. */
  next: Cursor | null;
  facets: Facets | null;
};
