import { z } from 'zod';
import {
  AUDIENCES,
  CAPPED_AUDIENCES,
  CONSENT_PURPOSES,
  LANGUAGE_LEVELS,
  LIMITS,
  WORK_MODES,
  type ConsentPurpose,
} from './profile-model';

/**
 * One schema per step of the profile editor, used by the browser (conform) and by the server
 * alike. Messages are keys of the `profile` namespace. The database checks the same limits and
 * the reference lists (foreign keys); the module maps its refusals onto these same fields.
 * The contact step's schema, with its rules for each channel, is in contact-schema.ts.
 */

// Control characters have no business in a name or a bio; NUL would even be refused by Postgres.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(max: number, tooLong: string, { multiline = false } = {}) {
  const forbidden = multiline ? CONTROL_CHARACTERS_BUT_LINES : CONTROL_CHARACTERS;
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !forbidden.test(value), 'errors.controlCharacters');
}

/** Optional text: nothing typed (or only spaces) is stored as null. */
const optionalText = (max: number, tooLong: string, options?: { multiline?: boolean }) =>
  text(max, tooLong, options)
    .optional()
    .transform((value) => value || null);

const slug = (unknown: string) => z.string({ invalid_type_error: unknown }).regex(/^[a-z0-9-]{2,60}$/, unknown);
const countryCode = z.string({ invalid_type_error: 'errors.unknownCountry' }).regex(/^[A-Z]{2}$/, 'errors.unknownCountry');
const choice = <T extends [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { errorMap: () => ({ message }) });

function addIssue(ctx: z.RefinementCtx, path: (string | number)[], message: string) {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
}

/** Marks every repeat of a value after its first row. */
function refuseRepeats(values: (string | undefined)[], ctx: z.RefinementCtx, path: (index: number) => (string | number)[], message: string) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (!value) return;
    if (seen.has(value)) addIssue(ctx, path(index), message);
    seen.add(value);
  });
}

// -------------------------------------------------------------------------------------
// Steps
// -------------------------------------------------------------------------------------

export const IdentitySchema = z.object({
  displayName: z
    .string({ required_error: 'errors.displayNameRequired' })
    .trim()
    .min(1, 'errors.displayNameRequired')
    .max(80, 'errors.displayNameTooLong')
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'errors.controlCharacters'),
  legalName: optionalText(120, 'errors.legalNameTooLong'),
  headline: optionalText(120, 'errors.headlineTooLong'),
});

export const AboutSchema = z.object({
  bio: optionalText(2000, 'errors.bioTooLong', { multiline: true }),
});

export const PLACE_CHOICES = ['city', 'country', 'none'] as const;
export const PlaceSchema = z
  .object({
    where: choice([...PLACE_CHOICES], 'errors.placeChoice'),
    city: slug('errors.unknownCity').optional(),
    country: countryCode.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.where === 'city' && !value.city) addIssue(ctx, ['city'], 'errors.cityRequired');
    if (value.where === 'country' && !value.country) addIssue(ctx, ['country'], 'errors.countryRequired');
  })
  .transform((value) => ({
    cityId: value.where === 'city' ? (value.city ?? null) : null,
    countryCode: value.where === 'country' ? (value.country ?? null) : null,
  }));

/** A row left entirely empty is ignored; a half-filled one is an error. */
const LanguageRowSchema = z
  .object({
    code: z.string().regex(/^[a-z]{2}$/, 'errors.unknownLanguage').optional(),
    level: choice([...LANGUAGE_LEVELS], 'errors.languageLevelInvalid').optional(),
  })
  .superRefine((row, ctx) => {
    if (row.code && !row.level) addIssue(ctx, ['level'], 'errors.languageLevelRequired');
    if (!row.code && row.level) addIssue(ctx, ['code'], 'errors.languageRequired');
  });

export const LanguagesSchema = z
  .object({ languages: z.array(LanguageRowSchema).max(LIMITS.languages, 'errors.tooManyLanguages').default([]) })
  .superRefine((value, ctx) =>
    refuseRepeats(value.languages.map((row) => row.code), ctx, (i) => ['languages', i, 'code'], 'errors.languageTwice'),
  )
  .transform((value) => ({
    languages: value.languages.flatMap((row) => (row.code && row.level ? [{ code: row.code, level: row.level }] : [])),
  }));

const SkillRowSchema = z
  .object({
    skill: slug('errors.unknownSkill').optional(),
    level: z
      .number({ invalid_type_error: 'errors.skillLevelRequired' })
      .int('errors.skillLevelRequired')
      .min(1, 'errors.skillLevelRequired')
      .max(4, 'errors.skillLevelRequired')
      .optional(),
    years: z
      .number({ invalid_type_error: 'errors.yearsRange' })
      .int('errors.yearsRange')
      .min(0, 'errors.yearsRange')
      .max(60, 'errors.yearsRange')
      .optional(),
  })
  .superRefine((row, ctx) => {
    if (row.skill && row.level === undefined) addIssue(ctx, ['level'], 'errors.skillLevelRequired');
    if (!row.skill && (row.level !== undefined || row.years !== undefined)) addIssue(ctx, ['skill'], 'errors.skillRequired');
  });

/** Free tags typed in one field, separated by commas or new lines; repeats dropped. */
function splitTags(value: string | undefined) {
  const tags = (value ?? '').split(/[,\n]/).map((tag) => tag.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const seen = new Set<string>();
  return tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

export const SkillsSchema = z
  .object({
    // Generous for the rows sent (empty ones included); the count that matters is checked below.
    skills: z.array(SkillRowSchema).max(LIMITS.skills * 3, 'errors.tooManySkills').default([]),
    tags: z
      .string()
      .max(2000, 'errors.tooManyTags')
      .optional()
      .transform((value, ctx) => {
        const tags = splitTags(value);
        if (tags.some((tag) => tag.length < 2 || tag.length > 40 || CONTROL_CHARACTERS.test(tag))) addIssue(ctx, [], 'errors.tagLength');
        if (tags.length > LIMITS.tags) addIssue(ctx, [], 'errors.tooManyTags');
        return tags;
      }),
  })
  .superRefine((value, ctx) => {
    if (value.skills.filter((row) => row.skill).length > LIMITS.skills) addIssue(ctx, ['skills'], 'errors.tooManySkills');
    refuseRepeats(value.skills.map((row) => row.skill), ctx, (i) => ['skills', i, 'skill'], 'errors.skillTwice');
  })
  .transform((value) => ({
    skills: value.skills.flatMap((row) =>
      row.skill && row.level !== undefined ? [{ skill: row.skill, level: row.level, years: row.years ?? null }] : [],
    ),
    tags: value.tags,
  }));

export const DirectionsSchema = z.object({
  directions: z
    .array(slug('errors.unknownDirection'))
    .max(LIMITS.directions, 'errors.unknownDirection')
    .default([])
    .transform((ids) => [...new Set(ids)]),
});

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '2000-01-01' && value <= '2100-12-31';
};

export const AvailabilitySchema = z.object({
  hoursPerWeek: z
    .number({ invalid_type_error: 'errors.hoursRange' })
    .int('errors.hoursRange')
    .min(1, 'errors.hoursRange')
    .max(80, 'errors.hoursRange')
    .optional()
    .transform((value) => value ?? null),
  workMode: choice([...WORK_MODES], 'errors.workModeInvalid')
    .optional()
    .transform((value) => value ?? null),
  openToRelocation: z
    .boolean({ invalid_type_error: 'errors.relocationInvalid' })
    .optional()
    .transform((value) => value ?? false),
  availableFrom: z
    .string()
    .refine(isCalendarDate, 'errors.dateInvalid')
    .optional()
    .transform((value) => value ?? null),
});

/**
 * Who sees what. `consented` tells which consents the member already gave: a purpose not yet
 * consented needs its checkbox ticked when an audience that needs it is chosen.
 */
export function createVisibilitySchema(consented: Record<ConsentPurpose, boolean>) {
  const audience = choice([...AUDIENCES], 'errors.audienceInvalid');
  const capped = choice([...CAPPED_AUDIENCES], 'errors.audienceCapped');
  return z
    .object({
      identity: audience,
      legalName: capped,
      skills: audience,
      bio: audience,
      photo: audience,
      cv: capped,
      consentOrganizers: z.boolean({ invalid_type_error: 'errors.consentOrganizersNeeded' }).optional(),
      consentMembers: z.boolean({ invalid_type_error: 'errors.consentMembersNeeded' }).optional(),
    })
    .superRefine((value, ctx) => {
      const chosen: string[] = [value.identity, value.legalName, value.skills, value.bio, value.photo, value.cv];
      if (chosen.includes('organizers') && !consented.visible_to_organizers && !value.consentOrganizers) {
        addIssue(ctx, ['consentOrganizers'], 'errors.consentOrganizersNeeded');
      }
      if (chosen.includes('members') && !consented.visible_to_members && !value.consentMembers) {
        addIssue(ctx, ['consentMembers'], 'errors.consentMembersNeeded');
      }
    });
}
export type VisibilityValue = z.output<ReturnType<typeof createVisibilitySchema>>;

// -------------------------------------------------------------------------------------
// Small forms around the editor
// -------------------------------------------------------------------------------------

export const WithdrawConsentSchema = z.object({ purpose: choice([...CONSENT_PURPOSES], 'errors.purposeInvalid') });

export const HideProfileSchema = z.object({ redirectTo: z.string().max(2000).optional() });

/** A profile's id in a URL. Anything else is a 404, like a profile that does not exist. */
export const ProfileIdSchema = z.string().uuid();
