/**
 * Refusals from PostgreSQL, turned into errors on the editor's fields. The schemas catch most
 * mistakes first; these are what only the database knows (a slug missing from the reference
 * lists, a consent not given) or what it enforces again whatever the form said (limits, caps).
 * Anything not listed here is a real failure and is thrown on.
 */

export type FieldErrors = Record<string, string[]>;

type PgError = { code?: string; constraint_name?: string; hint?: string; message?: string };

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';

/** Unknown reference slugs (foreign keys), by constraint. */
const unknownReference: Record<string, [field: string, message: string]> = {
  profiles_city_id_fkey: ['city', 'errors.unknownCity'],
  profiles_country_code_fkey: ['country', 'errors.unknownCountry'],
  profile_languages_language_code_fkey: ['languages', 'errors.unknownLanguage'],
  profile_skills_skill_id_fkey: ['skills', 'errors.unknownSkill'],
  profile_directions_direction_id_fkey: ['directions', 'errors.unknownDirection'],
};

/** Hints raised by our own triggers. */
const byHint: Record<string, [field: string, message: string]> = {
  'consent:visible_to_members': ['consentMembers', 'errors.consentMembersNeeded'],
  'consent:visible_to_organizers': ['consentOrganizers', 'errors.consentOrganizersNeeded'],
};

/** Check constraints and the per-profile list limits (a trigger naming its table). */
function checkViolation(error: PgError): [string, string] | null {
  if (error.constraint_name === 'profiles_legal_name_audience_check') return ['legalName', 'errors.audienceCapped'];
  if (error.constraint_name === 'profiles_cv_audience_check') return ['cv', 'errors.audienceCapped'];
  if (error.message?.includes('profile_skills')) return ['skills', 'errors.tooManySkills'];
  if (error.message?.includes('profile_tags')) return ['tags', 'errors.tooManyTags'];
  return null;
}

/** The field error for a database refusal, or null when the error is not one we expect. */
export function fieldErrorFor(error: unknown): FieldErrors | null {
  if (typeof error !== 'object' || error === null) return null;
  const pg = error as PgError;
  let found: [string, string] | null | undefined = null;
  if (pg.hint) found = byHint[pg.hint];
  else if (pg.code === FOREIGN_KEY_VIOLATION && pg.constraint_name) found = unknownReference[pg.constraint_name];
  else if (pg.code === CHECK_VIOLATION) found = checkViolation(pg);
  else if (pg.code === UNIQUE_VIOLATION && pg.constraint_name?.startsWith('profile_')) {
    found = [pg.constraint_name.replace(/^profile_(\w+?)_pkey$/, '$1'), 'errors.repeated'];
  }
  return found ? { [found[0]]: [found[1]] } : null;
}
