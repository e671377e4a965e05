import { LANGUAGE_LEVELS, type ReferenceOptions } from '~/modules/profiles/profile-model';
import { SKILL_MATCHES, SORTS, type Cursor, type DirectoryFilters } from './directory-model';

/**
 * The directory's filters in the URL, both ways: the search page keeps its whole state in the
 * query string (shareable, the back button works), so reading must survive anything a person or
 * a scraper can type there. Each parameter is read on its own: a bad one is dropped with a
 * translated field error (a key of the `directory` namespace) and the others still apply; unknown
 * parameters are ignored. Writing gives the one canonical, short form: defaults left out, fixed
 * order, repeated `skill`, the `after` cursor last. Shared by the browser and the server.
 */

export const FILTER_LIMITS = { text: 100, skills: 10, cursor: 400, minHours: 1, maxHours: 80 } as const;

/** Parameter names in the URL, in canonical order. */
export const PARAMS = ['q', 'skill', 'match', 'skillLevel', 'city', 'country', 'lang', 'langLevel', 'direction', 'mode', 'hours', 'sort'] as const;
export type FilterParam = (typeof PARAMS)[number];
export type FilterErrors = Partial<Record<FilterParam, string>>;

/** Reference ids that exist (skills, country codes, language codes, directions); the server passes them. */
export type KnownIds = { skills: ReadonlySet<string>; countries: ReadonlySet<string>; languages: ReadonlySet<string>; directions: ReadonlySet<string> };

export type ReadFilters = {
  filters: DirectoryFilters;
  after: Cursor | null;
  errors: FilterErrors;
  /** What was typed in the text fields, cleaned and cut short, to show again beside an error. */
  typed: { q: string; city: string; hours: string };
};

export const DEFAULT_FILTERS: DirectoryFilters = { skills: [], skillMatch: 'any', sort: 'relevance' };

// Control and bidirectional-override characters never belong in a search; a line break becomes a space.
const UNWANTED = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** Text as a person meant it: no control characters, one space between words. */
export function cleanText(value: string) {
  return value.normalize('NFC').replace(UNWANTED, ' ').replace(/\s+/g, ' ').trim();
}

const SHOWN_BACK = 200;
const ID = /^[a-z0-9][a-z0-9-]{0,59}$/;
const CURSOR = /^[A-Za-z0-9_-]+$/;

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
type Check<T> = (value: string) => Checked<T>;
const Text: Check<string> = (value) => (value.length <= FILTER_LIMITS.text ? { ok: true, value } : { ok: false, error: 'errors.textTooLong' });
const Hours: Check<number> = (value) => {
  const hours = Number(value);
  return Number.isInteger(hours) && hours >= FILTER_LIMITS.minHours && hours <= FILTER_LIMITS.maxHours
    ? { ok: true, value: hours }
    : { ok: false, error: 'errors.hoursInvalid' };
};
const Choice =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value) => ((values as readonly string[]).includes(value) ? { ok: true, value: value as T } : { ok: false, error: 'errors.choiceInvalid' });
const SkillLevel = Choice(['1', '2', '3', '4'] as const);

export function readFilters(params: URLSearchParams, known?: KnownIds): ReadFilters {
  const errors: FilterErrors = {};
  const first = (name: FilterParam) => cleanText(params.get(name) ?? '');
  const parse = <T>(name: FilterParam, check: Check<T>, value: string): T | undefined => {
    if (value === '') return undefined;
    const result = check(value);
    if (result.ok) return result.value;
    errors[name] = result.error;
    return undefined;
  };
  const reference = (name: FilterParam, value: string | undefined, list: keyof KnownIds, unknownKey: string) => {
    if (value === undefined) return undefined;
    if (ID.test(value.toLowerCase()) && (!known || known[list].has(value))) return value;
    errors[name] = unknownKey;
    return undefined;
  };

  const q = first('q');
  const city = first('city');
  const hours = first('hours');
  const country = first('country').toUpperCase() || undefined;
  const language = first('lang').toLowerCase() || undefined;

  const filters: DirectoryFilters = {
    ...DEFAULT_FILTERS,
    q: parse('q', Text, q),
    skills: readSkills(params, known, errors),
    skillMatch: parse('match', Choice(SKILL_MATCHES), first('match')) ?? 'any',
    minSkillLevel: toLevel(parse('skillLevel', SkillLevel, first('skillLevel'))),
    city: parse('city', Text, city),
    country: reference('country', country, 'countries', 'errors.countryUnknown'),
    language: reference('lang', language, 'languages', 'errors.languageUnknown'),
    minLanguageLevel: parse('langLevel', Choice(LANGUAGE_LEVELS), first('langLevel')),
    direction: reference('direction', first('direction') || undefined, 'directions', 'errors.directionUnknown'),
    workMode: parse('mode', Choice(['remote', 'on_site'] as const), first('mode')),
    minHours: parse('hours', Hours, hours),
    sort: parse('sort', Choice(SORTS), first('sort')) ?? 'relevance',
  };
  const after = params.get('after') ?? '';
  return {
    filters: withoutUndefined(filters),
    after: after.length <= FILTER_LIMITS.cursor && CURSOR.test(after) ? after : null,
    errors,
    typed: { q: q.slice(0, SHOWN_BACK), city: city.slice(0, SHOWN_BACK), hours: hours.slice(0, SHOWN_BACK) },
  };
}

/** Known skill ids, each once, at most 10 (the first ten are kept, with an error saying so). */
function readSkills(params: URLSearchParams, known: KnownIds | undefined, errors: FilterErrors) {
  const skills: string[] = [];
  for (const raw of params.getAll('skill')) {
    const id = cleanText(raw);
    if (id === '' || skills.includes(id)) continue;
    if (!ID.test(id) || (known && !known.skills.has(id))) {
      errors.skill = 'errors.skillUnknown';
      continue;
    }
    if (skills.length === FILTER_LIMITS.skills) {
      errors.skill = 'errors.tooManySkills';
      break;
    }
    skills.push(id);
  }
  return skills;
}

const toLevel = (value: string | undefined) => (value === undefined ? undefined : (Number(value) as 1 | 2 | 3 | 4));

function withoutUndefined(filters: DirectoryFilters): DirectoryFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as DirectoryFilters;
}

/** The canonical query string of these filters (and a cursor): defaults omitted, fixed order. */
export function writeFilters(filters: DirectoryFilters, after?: Cursor | null): URLSearchParams {
  const params = new URLSearchParams();
  const put = (name: FilterParam, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.append(name, String(value));
  };
  put('q', filters.q);
  for (const skill of filters.skills) put('skill', skill);
  if (filters.skillMatch !== 'any') put('match', filters.skillMatch);
  put('skillLevel', filters.minSkillLevel);
  put('city', filters.city);
  put('country', filters.country);
  put('lang', filters.language);
  put('langLevel', filters.minLanguageLevel);
  put('direction', filters.direction);
  put('mode', filters.workMode);
  put('hours', filters.minHours);
  if (filters.sort !== 'relevance') put('sort', filters.sort);
  if (after) params.append('after', after);
  return params;
}

/** `/directory?…` for these filters; the page without a query when nothing is chosen. */
export function directoryHref(filters: DirectoryFilters, after?: Cursor | null) {
  const query = writeFilters(filters, after).toString();
  return query ? `/directory?${query}` : '/directory';
}

/**
 * Where to send a request whose query is not in canonical form (parameters out of order,
 * defaults or empty fields spelled out, unknown ones), or null when it is canonical — or has
 * errors, which the page shows beside what was typed. The language choice (`lng`) is kept.
 */
export function canonicalRedirect(url: URL, read: ReadFilters): string | null {
  if (Object.keys(read.errors).length > 0) return null;
  const canonical = writeFilters(read.filters, read.after);
  const lng = url.searchParams.get('lng');
  if (lng) canonical.set('lng', lng);
  if (canonical.toString() === url.searchParams.toString()) return null;
  const query = canonical.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** The ids the filters may name, from the reference options the page offers. */
export function knownIds(options: ReferenceOptions): KnownIds {
  const ids = (list: { value: string }[]) => new Set(list.map((option) => option.value));
  return {
    skills: ids(options.skills.flatMap((group) => group.options)),
    countries: ids(options.countries),
    languages: ids(options.languages),
    directions: ids(options.directions),
  };
}

/** True when no filter narrows the search (the sort or "all skills" alone is not a filter). */
export function isEmptyFilter(filters: DirectoryFilters) {
  return writeFilters({ ...filters, sort: 'relevance', skillMatch: 'any' }).toString() === '';
}
