import type { ReferenceOptions } from '~/modules/profiles/profile-model';

/**
 * Look-ups from a reference id to its name in the page's language, built from the options the
 * loader sends for the filter form (so cards, facets and the form name things the same way).
 */
export type ReferenceNames = {
  skills: Map<string, string>;
  cities: Map<string, string>;
  countries: Map<string, string>;
  languages: Map<string, string>;
  directions: Map<string, string>;
};

export function referenceNames(options: ReferenceOptions): ReferenceNames {
  const map = (list: { value: string; label: string }[]) => new Map(list.map((option) => [option.value, option.label]));
  return {
    skills: map(options.skills.flatMap((group) => group.options)),
    cities: map(options.cities.flatMap((group) => group.options)),
    countries: map(options.countries),
    languages: map(options.languages),
    directions: map(options.directions),
  };
}
