/**
 * What an audit row's detail says, in words an admin reads at a glance: the filters of a search,
 * how many rows an export held, which quota was hit. Each line is a key of the `admin`
 * namespace (`detail.*`) with its values; reference ids are named by the caller's lookup, in
 * the page's language. Unknown keys are left out rather than shown raw.
 */
export type DetailLine = { key: string; values: Record<string, string | number> };

export type ReferenceNames = {
  skills: Map<string, string>;
  cities: Map<string, string>;
  countries: Map<string, string>;
  languages: Map<string, string>;
  directions: Map<string, string>;
};

type Detail = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function summarizeDetail(action: string, detail: unknown, names: ReferenceNames): DetailLine[] {
  const given = (detail && typeof detail === 'object' ? detail : {}) as Detail;
  switch (action) {
    case 'search':
    case 'saved_search_digest':
      return [...summarizeFilters(given.filters, names), ...counted('detail.newMatches', given.newMatches), ...counted('detail.page', given.page)];
    case 'shortlist_export':
      return counted('detail.rows', given.rows);
    case 'contact_reveal':
      return text(given.part) ? [{ key: 'detail.part', values: { part: text(given.part)! } }] : [];
    case 'quota_exceeded':
      return text(given.quota) ? [{ key: 'detail.quota', values: { quota: text(given.quota)! } }] : [];
    default:
      return [];
  }
}

function counted(key: string, value: unknown): DetailLine[] {
  const n = count(value);
  return n === null ? [] : [{ key, values: { count: n } }];
}

function summarizeFilters(filters: unknown, names: ReferenceNames): DetailLine[] {
  if (!filters || typeof filters !== 'object') return [];
  const f = filters as Detail;
  const lines: DetailLine[] = [];
  const named = (map: Map<string, string>, id: unknown) => (text(id) ? (map.get(text(id)!) ?? text(id)!) : null);
  const q = text(f.q);
  if (q) lines.push({ key: 'detail.text', values: { value: q } });
  const skills = Array.isArray(f.skills) ? f.skills.map((id) => named(names.skills, id)).filter((name): name is string => name !== null) : [];
  if (skills.length > 0) {
    const level = count(f.minSkillLevel);
    lines.push({
      key: f.skillMatch === 'all' ? 'detail.skillsAll' : 'detail.skillsAny',
      values: { value: skills.join(', '), level: level ?? 1 },
    });
  }
  const city = named(names.cities, f.city);
  if (city) lines.push({ key: 'detail.city', values: { value: city } });
  const country = named(names.countries, f.country);
  if (country) lines.push({ key: 'detail.country', values: { value: country } });
  const language = named(names.languages, f.language);
  if (language) lines.push({ key: 'detail.language', values: { value: language, level: text(f.minLanguageLevel) ?? '—' } });
  const direction = named(names.directions, f.direction);
  if (direction) lines.push({ key: 'detail.direction', values: { value: direction } });
  if (f.workMode === 'remote' || f.workMode === 'on_site') lines.push({ key: `detail.workMode.${f.workMode}`, values: {} });
  const hours = count(f.minHours);
  if (hours !== null) lines.push({ key: 'detail.minHours', values: { count: hours } });
  if (f.sort === 'recent' || f.sort === 'relevance') lines.push({ key: `detail.sort.${f.sort}`, values: {} });
  return lines;
}
