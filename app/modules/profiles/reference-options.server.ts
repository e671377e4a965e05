import type { Language } from '~/i18n/config';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import type { Option, OptionGroup, ReferenceOptions } from './profile-model';

/**
 * Countries, cities, languages, skills and directions as the editor offers them: named in the
 * page's language and sorted the way a reader of that language expects (Ł after L in Polish,
 * Ў after У in Belarusian). Categories and directions keep their curated order (`position`).
 */

export type Named = { name_be: string; name_en: string; name_pl: string };

export const localName = (row: Named, language: Language) =>
  language === 'en' ? row.name_en : language === 'pl' ? row.name_pl : row.name_be;

export async function loadReferenceOptions(identity: Identity, language: Language): Promise<ReferenceOptions> {
  const rows = await runtime().db.asUser(identity, async (tx) => {
    const [countries, cities, languages, categories, skills, directions] = await Promise.all([
      tx`select code as id, name_be, name_en, name_pl from app.countries`,
      tx`select id, country_code, name_be, name_en, name_pl from app.cities`,
      tx`select code as id, name_be, name_en, name_pl from app.languages`,
      tx`select id, name_be, name_en, name_pl from app.skill_categories order by position`,
      tx`select id, category_id, name_be, name_en, name_pl from app.skills`,
      tx`select id, name_be, name_en, name_pl from app.directions order by position`,
    ]);
    return { countries, cities, languages, categories, skills, directions };
  });

  const collator = new Intl.Collator(language);
  const option = (row: Record<string, unknown>): Option => ({ value: row.id as string, label: localName(row as Named, language) });
  const sorted = (list: Option[]) => list.sort((a, b) => collator.compare(a.label, b.label));
  const grouped = (groups: Option[], items: Record<string, unknown>[], key: string): OptionGroup[] =>
    groups
      .map((group) => ({ ...group, options: sorted(items.filter((item) => item[key] === group.value).map(option)) }))
      .filter((group) => group.options.length > 0);

  const countries = sorted(rows.countries.map(option));
  return {
    countries,
    cities: grouped(countries, rows.cities, 'country_code'),
    languages: sorted(rows.languages.map(option)),
    skills: grouped(rows.categories.map(option), rows.skills, 'category_id'),
    directions: rows.directions.map(option),
  };
}
