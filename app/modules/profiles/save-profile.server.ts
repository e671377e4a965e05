import type { z } from 'zod';
import type { Identity, Tx } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import type { ContactSchema } from './contact-schema';
import { readActiveConsents } from './editable-profile.server';
import { fieldErrorFor, type FieldErrors } from './profile-errors.server';
import { CONSENT_VERSION, CONTACT_KINDS, purposeFor, type Audience, type ConsentPurpose, type ProfilePart } from './profile-model';
import type {
  AboutSchema,
  AvailabilitySchema,
  DirectionsSchema,
  IdentitySchema,
  LanguagesSchema,
  PlaceSchema,
  SkillsSchema,
  VisibilityValue,
} from './profile-schemas';

/**
 * Saving one step of the editor: one transaction as the member (RLS applies), lists replaced
 * as a whole. What the database refuses comes back as field errors; anything else is thrown.
 */

export type SaveOutcome = { ok: true } | { ok: false; fieldErrors: FieldErrors };

async function save(identity: Identity, write: (tx: Tx) => Promise<unknown>): Promise<SaveOutcome> {
  try {
    await runtime().db.asUser(identity, async (tx) => {
      await write(tx);
      await tx`update app.profiles set updated_at = now() where id = auth.uid()`;
    });
    return { ok: true };
  } catch (error) {
    const fieldErrors = fieldErrorFor(error);
    if (!fieldErrors) throw error;
    return { ok: false, fieldErrors };
  }
}

export const saveIdentity = (identity: Identity, value: z.output<typeof IdentitySchema>) =>
  save(identity, (tx) => tx`
    update app.profiles set display_name = ${value.displayName}, legal_name = ${value.legalName}, headline = ${value.headline}
    where id = auth.uid()`);

export const saveAbout = (identity: Identity, value: z.output<typeof AboutSchema>) =>
  save(identity, (tx) => tx`update app.profiles set bio = ${value.bio} where id = auth.uid()`);

export const savePlace = (identity: Identity, value: z.output<typeof PlaceSchema>) =>
  save(identity, (tx) => tx`
    update app.profiles set city_id = ${value.cityId}, country_code = ${value.countryCode} where id = auth.uid()`);

export const saveAvailability = (identity: Identity, value: z.output<typeof AvailabilitySchema>) =>
  save(identity, (tx) => tx`
    update app.profiles
    set hours_per_week = ${value.hoursPerWeek}, work_mode = ${value.workMode},
        open_to_relocation = ${value.openToRelocation}, available_from = ${value.availableFrom}
    where id = auth.uid()`);

export const saveLanguages = (identity: Identity, value: z.output<typeof LanguagesSchema>) =>
  save(identity, async (tx) => {
    await tx`delete from app.profile_languages where profile_id = auth.uid()`;
    const rows = value.languages.map((row) => ({ profile_id: identity.userId, language_code: row.code, level: row.level }));
    if (rows.length > 0) await tx`insert into app.profile_languages ${tx(rows)}`;
  });

export const saveSkills = (identity: Identity, value: z.output<typeof SkillsSchema>) =>
  save(identity, async (tx) => {
    await tx`delete from app.profile_skills where profile_id = auth.uid()`;
    await tx`delete from app.profile_tags where profile_id = auth.uid()`;
    const skills = value.skills.map((row) => ({ profile_id: identity.userId, skill_id: row.skill, level: row.level, years: row.years }));
    if (skills.length > 0) await tx`insert into app.profile_skills ${tx(skills)}`;
    const tags = value.tags.map((tag) => ({ profile_id: identity.userId, tag }));
    if (tags.length > 0) await tx`insert into app.profile_tags ${tx(tags)}`;
  });

export const saveDirections = (identity: Identity, value: z.output<typeof DirectionsSchema>) =>
  save(identity, async (tx) => {
    await tx`delete from app.profile_directions where profile_id = auth.uid()`;
    const rows = value.directions.map((direction) => ({ profile_id: identity.userId, direction_id: direction }));
    if (rows.length > 0) await tx`insert into app.profile_directions ${tx(rows)}`;
  });

/** The member's channels replaced as a whole: a field left empty leaves no row behind. */
export const saveContact = (identity: Identity, value: z.output<typeof ContactSchema>) =>
  save(identity, async (tx) => {
    await tx`delete from app.contact_channels where profile_id = auth.uid()`;
    const rows = CONTACT_KINDS.flatMap((kind) => (value[kind] ? [{ profile_id: identity.userId, kind, value: value[kind] }] : []));
    if (rows.length > 0) await tx`insert into app.contact_channels ${tx(rows)}`;
  });

/**
 * New audiences, with the consents they need given first (only those the member ticked and
 * does not hold yet). The database refuses an audience without its consent whatever happens here.
 */
export const saveVisibility = (identity: Identity, value: VisibilityValue) =>
  save(identity, async (tx) => {
    const audiences: Record<ProfilePart, Audience> = {
      identity: value.identity,
      legal_name: value.legalName,
      skills: value.skills,
      bio: value.bio,
      photo: value.photo,
      cv: value.cv,
    };
    const ticked: Record<ConsentPurpose, boolean> = {
      visible_to_organizers: value.consentOrganizers === true,
      visible_to_members: value.consentMembers === true,
    };
    const held = await readActiveConsents(tx);
    const needed = new Set(Object.values(audiences).map((audience) => purposeFor(audience)));
    for (const purpose of needed) {
      if (purpose && ticked[purpose] && !held[purpose]) {
        await tx`insert into app.consents (user_id, purpose, version) values (${identity.userId}, ${purpose}, ${CONSENT_VERSION})`;
      }
    }
    await tx`
      update app.profiles
      set identity_audience = ${audiences.identity}, legal_name_audience = ${audiences.legal_name},
          skills_audience = ${audiences.skills}, bio_audience = ${audiences.bio},
          photo_audience = ${audiences.photo}, cv_audience = ${audiences.cv}
      where id = auth.uid()`;
  });
