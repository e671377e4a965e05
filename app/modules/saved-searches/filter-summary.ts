import type { DirectoryFilters } from '~/modules/directory/directory-model';
import type { ReferenceOptions } from '~/modules/profiles/profile-model';

/**
 * A saved search's filters in words a person reads: one item per filter, reference ids already
 * named in the page's language (from the reference options), rendered with the `summary.*` keys
 * of the `savedSearches` namespace. An unknown id shows as itself rather than disappearing.
 */
export type SummaryItem =
  | { kind: 'text'; value: string }
  | { kind: 'skills'; names: string; all: boolean; minLevel: number | null }
  | { kind: 'city'; value: string }
  | { kind: 'country'; value: string }
  | { kind: 'language'; value: string; minLevel: string | null }
  | { kind: 'direction'; value: string }
  | { kind: 'mode'; value: 'remote' | 'on_site' }
  | { kind: 'hours'; value: number };

export function summarizeFilters(filters: DirectoryFilters, options: ReferenceOptions): SummaryItem[] {
  const name = (list: { value: string; label: string }[], id: string) => list.find((option) => option.value === id)?.label ?? id;
  const skills = options.skills.flatMap((group) => group.options);
  const items: SummaryItem[] = [];
  if (filters.q) items.push({ kind: 'text', value: filters.q });
  if (filters.skills.length > 0) {
    items.push({
      kind: 'skills',
      names: filters.skills.map((id) => name(skills, id)).join(', '),
      all: filters.skillMatch === 'all',
      minLevel: filters.minSkillLevel ?? null,
    });
  }
  if (filters.city) items.push({ kind: 'city', value: filters.city });
  if (filters.country) items.push({ kind: 'country', value: name(options.countries, filters.country) });
  if (filters.language) {
    items.push({ kind: 'language', value: name(options.languages, filters.language), minLevel: filters.minLanguageLevel ?? null });
  }
  if (filters.direction) items.push({ kind: 'direction', value: name(options.directions, filters.direction) });
  if (filters.workMode) items.push({ kind: 'mode', value: filters.workMode });
  if (filters.minHours) items.push({ kind: 'hours', value: filters.minHours });
  return items;
}
