import type { ProfileContent } from './completeness';
import type { Audience, ContactKind, EditableProfile, ProfilePart, ProfileStep } from './profile-model';
import { PROFILE_PARTS } from './profile-model';

/**
 * A member's first steps: whether they ever started their profile, which parts each step of the
 * editor fills, and who sees which part, grouped the way a person asks ("who sees what?").
 */

export type ProfileStart = ProfileContent &
  Pick<EditableProfile, 'headline' | 'legalName' | 'openToRelocation' | 'hasPhoto' | 'hasCv' | 'audiences' | 'consents'>;

/**
 * Whether the member ever started their profile, read from what is stored rather than from a
 * flag of its own: a new account's profile holds nothing, shows nothing to anyone and carries no
 * consent. Saving any step with something in it, a file, a contact channel or a consent changes
 * that. (Someone who empties everything again is welcomed again, which does no harm.)
 */
export function hasStartedProfile(profile: ProfileStart, contactKinds: readonly ContactKind[]): boolean {
  const { displayName, legalName, headline, bio, cityId, countryCode, hoursPerWeek, workMode, availableFrom } = profile;
  const written = [displayName, legalName, headline, bio, cityId, countryCode, hoursPerWeek, workMode, availableFrom];
  const listed = profile.languages.length + profile.skills.length + profile.tags.length + profile.directions.length;
  const opened = PROFILE_PARTS.some((part) => profile.audiences[part] !== 'only_me');
  const consented = Object.values(profile.consents).some((consent) => consent !== null);
  return (
    written.some((value) => value !== null && value !== '') ||
    listed > 0 ||
    profile.openToRelocation ||
    profile.hasPhoto ||
    profile.hasCv ||
    contactKinds.length > 0 ||
    opened ||
    consented
  );
}

/**
 * The parts of the profile (each with its own audience) that a step fills. The contact step fills
 * none: contact channels are never part of the profile others see. The last step fills none either:
 * it is where the audiences are chosen.
 */
export const STEP_PARTS: Record<ProfileStep, readonly ProfilePart[]> = {
  identity: ['identity', 'legal_name'],
  about: ['bio'],
  place: ['skills'],
  languages: ['skills'],
  skills: ['skills'],
  directions: ['skills'],
  availability: ['skills'],
  contact: [],
  visibility: [],
};

/** The parts of the profile by who sees them; `members` means organizers too. */
export function whoSeesWhat(audiences: Record<ProfilePart, Audience>): Record<Audience, ProfilePart[]> {
  const seen: Record<Audience, ProfilePart[]> = { members: [], organizers: [], only_me: [] };
  for (const part of PROFILE_PARTS) seen[audiences[part]].push(part);
  return seen;
}
