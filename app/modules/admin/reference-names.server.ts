import type { Language } from '~/i18n/config';
import { loadReferenceOptions } from '~/modules/profiles/reference-options.server';
import type { Identity } from '~/platform/db/client.server';
import type { ReferenceNames } from './detail-summary';

/** Skills, cities, countries, languages and directions by id, named in the page's language. */
export async function loadReferenceNames(identity: Identity, language: Language): Promise<ReferenceNames> {
  const options = await loadReferenceOptions(identity, language);
  const byId = (list: { value: string; label: string }[]) => new Map(list.map((option) => [option.value, option.label]));
  return {
    skills: byId(options.skills.flatMap((group) => group.options)),
    cities: byId(options.cities.flatMap((group) => group.options)),
    countries: byId(options.countries),
    languages: byId(options.languages),
    directions: byId(options.directions),
  };
}
