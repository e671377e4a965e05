import type { Language } from '~/i18n/config';
import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Identity, Tx } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import type { LanguageLevel, ViewedProfile, WorkMode } from './profile-model';
import { localName, type Named } from './reference-options.server';

/**
 * Another member's profile as the signed-in viewer may see it. app.profile_for_viewer decides
 * part by part and returns null when nothing is open to the viewer (or nobody has that id: the
 * two are one answer). Never contact channels, never the CV. Reference ids come back named in
 * the viewer's language.
 *
 * An organizer opens profiles only through app.organizer_view_profile(): audited, within the
 * quota, with the second factor. Its refusals come back as an OrganizerRefusal; over quota the
 * alert is written afterwards, in its own transaction (the refused one was rolled back).
 */

type Seen = {
  id: string;
  display_name?: string | null;
  headline?: string | null;
  legal_name?: string | null;
  bio?: string | null;
  has_photo?: boolean;
  city_id?: string | null;
  country_code?: string | null;
  hours_per_week?: number | null;
  work_mode?: WorkMode | null;
  open_to_relocation?: boolean;
  available_from?: string | null;
  skills?: { id: string; level: number; years: number | null }[];
  tags?: string[];
  languages?: { code: string; level: LanguageLevel }[];
  directions?: string[];
};

export async function getProfileForViewer(identity: Identity, targetId: string, language: Language): Promise<ViewedProfile | null> {
  // An organizer without a second factor in this session is a member here: profile_for_viewer
  // shows them only what members see (organizer parts need aal2), unaudited like any member.
  const asOrganizer = identity.roles.includes('organizer') && identity.aal === 'aal2';
  try {
    return await readProfile(identity, targetId, language, asOrganizer);
  } catch (error) {
    const refusal = asOrganizer ? readRefusal(error) : null;
    if (!refusal) throw error;
    if (refusal.kind === 'quota') {
      await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded(${refusal.action}, ${targetId}::uuid)`);
    }
    throw new OrganizerRefusal(refusal);
  }
}

async function readProfile(identity: Identity, targetId: string, language: Language, asOrganizer: boolean): Promise<ViewedProfile | null> {
  return runtime().db.asUser(identity, async (tx) => {
    const [row] = asOrganizer
      ? await tx`select app.organizer_view_profile(${targetId}::uuid) as profile`
      : await tx`select app.profile_for_viewer(${targetId}::uuid) as profile`;
    const seen = (row?.profile ?? null) as Seen | null;
    if (!seen) return null;
    const viewed: ViewedProfile = { id: seen.id, hasPhoto: seen.has_photo === true };
    if ('display_name' in seen) Object.assign(viewed, { displayName: seen.display_name, headline: seen.headline });
    if ('legal_name' in seen) viewed.legalName = seen.legal_name;
    if ('bio' in seen) viewed.bio = seen.bio;
    if ('skills' in seen) Object.assign(viewed, await nameSkillsPart(tx, seen, language));
    return viewed;
  });
}

/** The skills group: place, availability, skills, tags, languages and directions, named. */
async function nameSkillsPart(tx: Tx, seen: Seen, language: Language): Promise<Partial<ViewedProfile>> {
  const skillIds = (seen.skills ?? []).map((skill) => skill.id);
  const languageCodes = (seen.languages ?? []).map((entry) => entry.code);
  const [cities, countries, skills, languages, directions] = await Promise.all([
    tx`select id, name_be, name_en, name_pl from app.cities where id = ${seen.city_id ?? ''}`,
    tx`select code as id, name_be, name_en, name_pl from app.countries where code = ${seen.country_code ?? ''}`,
    tx`select s.id, s.name_be, s.name_en, s.name_pl,
              c.name_be as category_be, c.name_en as category_en, c.name_pl as category_pl
       from app.skills s join app.skill_categories c on c.id = s.category_id where s.id = any(${skillIds})`,
    tx`select code as id, name_be, name_en, name_pl from app.languages where code = any(${languageCodes})`,
    tx`select id, name_be, name_en, name_pl from app.directions where id = any(${seen.directions ?? []}) order by position`,
  ]);
  const name = (rows: typeof cities, id: string) => {
    const found = rows.find((row) => row.id === id);
    return found ? localName(found as Named, language) : id;
  };
  return {
    place: {
      city: cities[0] ? name(cities, seen.city_id!) : null,
      country: countries[0] ? name(countries, seen.country_code!) : null,
    },
    availability: {
      hoursPerWeek: seen.hours_per_week ?? null,
      workMode: seen.work_mode ?? null,
      openToRelocation: seen.open_to_relocation === true,
      availableFrom: seen.available_from ?? null,
    },
    skills: (seen.skills ?? []).map((skill) => {
      const found = skills.find((row) => row.id === skill.id);
      const category = found
        ? localName({ name_be: found.category_be, name_en: found.category_en, name_pl: found.category_pl }, language)
        : '';
      return { name: name(skills, skill.id), category, level: skill.level, years: skill.years };
    }),
    tags: seen.tags ?? [],
    languages: (seen.languages ?? []).map((entry) => ({ name: name(languages, entry.code), level: entry.level })),
    directions: directions.map((row) => localName(row as Named, language)),
  };
}
