import type { Language } from '~/i18n/config';
import { localName, type Named } from '~/modules/profiles/reference-options.server';
import type { Sql } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { zoneForCountry } from './time-zones';

/**
 * Countries, cities and skills named in the reader's language, for the listing's filters, the
 * cards and the editor. Reference data is public (the same lists a visitor sees on sign-up), so
 * it is read on the system connection: the listing serves signed-out visitors too.
 */

export type Place = { id: string; name: string; countryCode: string; zone: string };
export type NamedOption = { value: string; label: string };
export type EventPlaces = { countries: NamedOption[]; cities: Place[]; skills: NamedOption[] };

export async function loadEventPlaces(language: Language, system?: Sql): Promise<EventPlaces> {
  const sql = system ?? runtime().db.system;
  const [countries, cities, skills] = await Promise.all([
    sql`select code as id, name_be, name_en, name_pl from app.countries`,
    sql`select id, country_code, name_be, name_en, name_pl from app.cities`,
    sql`select id, name_be, name_en, name_pl from app.skills`,
  ]);
  const collator = new Intl.Collator(language);
  const named = (row: Record<string, unknown>) => ({ value: row.id as string, label: localName(row as unknown as Named, language) });
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  return {
    countries: countries.map(named).sort(byLabel),
    cities: cities
      .map((row) => ({ id: row.id as string, name: localName(row as unknown as Named, language), countryCode: row.country_code as string, zone: zoneForCountry(row.country_code as string) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    skills: skills.map(named).sort(byLabel),
  };
}
