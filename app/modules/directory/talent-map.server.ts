import type { Language } from '~/i18n/config';
import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { shapeTalentMap, type Names, type NamedRow, type RawTalentMap, type TalentMap } from './talent-map-shape';

/**
 * The talent map for an organizer with a second factor: app.talent_map() counts, suppresses
 * counts below 5, checks the quota and writes the audit row in one transaction; this module
 * names the cities, countries and categories in the reader's language. Refusals come back as an
 * OrganizerRefusal; over quota the alert is written afterwards in its own transaction, since the
 * refused one was rolled back (ADR 016).
 */
export async function loadTalentMap(identity: Identity, language: Language): Promise<TalentMap> {
  try {
    return await readTalentMap(identity, language);
  } catch (error) {
    const refusal = readRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'quota') {
      await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded(${refusal.action})`);
    }
    throw new OrganizerRefusal(refusal);
  }
}

async function readTalentMap(identity: Identity, language: Language): Promise<TalentMap> {
  return runtime().db.asUser(identity, async (tx) => {
    const [row] = await tx`select app.talent_map() as map`;
    const raw = row!.map as RawTalentMap;
    const cityIds = raw.cities.map((city) => city.city);
    const countryCodes = [...new Set(raw.cities.map((city) => city.country))];
    const [cities, countries, categories] = await Promise.all([
      tx<NamedRow[]>`select id, name_be, name_en, name_pl from app.cities where id = any(${cityIds})`,
      tx<NamedRow[]>`select code as id, name_be, name_en, name_pl from app.countries where code = any(${countryCodes})`,
      tx<NamedRow[]>`select id, name_be, name_en, name_pl from app.skill_categories`,
    ]);
    const names: Names = { cities, countries, categories };
    return shapeTalentMap(raw, names, language);
  });
}
