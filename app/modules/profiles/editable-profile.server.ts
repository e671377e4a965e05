import type { Identity, Tx } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import {
  CONTACT_KINDS,
  type Audience,
  type ConsentPurpose,
  type ContactChannels,
  type ContactKind,
  type EditableProfile,
  type LanguageLevel,
  type WorkMode,
} from './profile-model';

/**
 * The signed-in member's own profile with all its lists, read as that member: RLS lets the owner,
 * and only the owner, read these rows.
 */
export async function loadEditableProfile(identity: Identity): Promise<EditableProfile> {
  return runtime().db.asUser(identity, async (tx) => {
    const profile = await readProfileRow(tx);
    const [languages, skills, tags, directions, consents] = await Promise.all([
      tx`select language_code, level from app.profile_languages where profile_id = auth.uid() order by language_code`,
      tx`select skill_id, level, years from app.profile_skills where profile_id = auth.uid() order by level desc, skill_id`,
      tx`select tag from app.profile_tags where profile_id = auth.uid() order by tag`,
      tx`select direction_id from app.profile_directions where profile_id = auth.uid() order by direction_id`,
      readActiveConsents(tx),
    ]);
    return {
      ...profile,
      languages: languages.map((row) => ({ code: row.language_code as string, level: row.level as LanguageLevel })),
      skills: skills.map((row) => ({ skill: row.skill_id as string, level: row.level as number, years: row.years as number | null })),
      tags: tags.map((row) => row.tag as string),
      directions: directions.map((row) => row.direction_id as string),
      consents,
    };
  });
}

async function readProfileRow(tx: Tx) {
  const [row] = await tx`
    select id, display_name, legal_name, headline, bio, city_id, country_code, hours_per_week, work_mode,
           open_to_relocation, available_from::text as available_from,
           photo_path is not null as has_photo, cv_path is not null as has_cv,
           identity_audience, legal_name_audience, skills_audience, bio_audience, photo_audience, cv_audience
    from app.profiles where id = auth.uid()`;
  // Every account gets its profile with the auth user (a trigger); a missing one is a broken database.
  if (!row) throw new Error('The signed-in member has no profile row');
  return {
    id: row.id as string,
    displayName: row.display_name as string | null,
    legalName: row.legal_name as string | null,
    headline: row.headline as string | null,
    bio: row.bio as string | null,
    cityId: row.city_id as string | null,
    countryCode: row.country_code as string | null,
    hoursPerWeek: row.hours_per_week as number | null,
    workMode: row.work_mode as WorkMode | null,
    openToRelocation: row.open_to_relocation as boolean,
    availableFrom: row.available_from as string | null,
    hasPhoto: row.has_photo as boolean,
    hasCv: row.has_cv as boolean,
    audiences: {
      identity: row.identity_audience as Audience,
      legal_name: row.legal_name_audience as Audience,
      skills: row.skills_audience as Audience,
      bio: row.bio_audience as Audience,
      photo: row.photo_audience as Audience,
      cv: row.cv_audience as Audience,
    },
  };
}

/** The member's consents in force, per purpose (withdrawn ones stay on record but do not count). */
export async function readActiveConsents(tx: Tx): Promise<EditableProfile['consents']> {
  const rows = await tx`
    select purpose, version, granted_at from app.consents
    where user_id = auth.uid() and withdrawn_at is null`;
  const consents: EditableProfile['consents'] = { visible_to_organizers: null, visible_to_members: null };
  for (const row of rows) {
    consents[row.purpose as ConsentPurpose] = { version: row.version as string, grantedAt: (row.granted_at as Date).toISOString() };
  }
  return consents;
}

/**
 * The member's contact channels, read as the member (RLS: the owner alone). Kept out of
 * EditableProfile so that only the page that edits them ever carries them.
 */
export async function loadContactChannels(identity: Identity): Promise<ContactChannels> {
  const rows = await runtime().db.asUser(identity, (tx) => tx`select kind, value from app.contact_channels where profile_id = auth.uid()`);
  const channels = Object.fromEntries(CONTACT_KINDS.map((kind) => [kind, null])) as ContactChannels;
  for (const row of rows) channels[row.kind as ContactKind] = row.value as string;
  return channels;
}

/** Which channels the member gave, without their values (for pages that only say so). */
export async function listContactKinds(identity: Identity): Promise<ContactKind[]> {
  const rows = await runtime().db.asUser(identity, (tx) => tx`select kind from app.contact_channels where profile_id = auth.uid()`);
  const given = new Set(rows.map((row) => row.kind as ContactKind));
  return CONTACT_KINDS.filter((kind) => given.has(kind));
}
