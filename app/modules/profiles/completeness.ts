import { PROFILE_STEPS, type EditableProfile, type ProfileStep } from './profile-model';

/**
 * How far a member got with their profile: which steps of the editor hold something. Who sees
 * what is a choice, not a gap, so it never counts: a profile hidden from everyone is complete.
 * Nor do the contact channels: nobody else sees them, and a meter must not nudge anyone into
 * handing over a phone number (collect less).
 */
const UNCOUNTED_STEPS = ['visibility', 'contact'] as const;
type CountedStep = Exclude<ProfileStep, (typeof UNCOUNTED_STEPS)[number]>;

export const CONTENT_STEPS = PROFILE_STEPS.filter(
  (step): step is CountedStep => !(UNCOUNTED_STEPS as readonly ProfileStep[]).includes(step),
);

export type ProfileContent = Pick<
  EditableProfile,
  'displayName' | 'bio' | 'cityId' | 'countryCode' | 'languages' | 'skills' | 'tags' | 'directions' | 'hoursPerWeek' | 'workMode' | 'availableFrom'
>;

const filled: Record<CountedStep, (profile: ProfileContent) => boolean> = {
  identity: (profile) => Boolean(profile.displayName),
  about: (profile) => Boolean(profile.bio),
  place: (profile) => Boolean(profile.cityId || profile.countryCode),
  languages: (profile) => profile.languages.length > 0,
  skills: (profile) => profile.skills.length + profile.tags.length > 0,
  directions: (profile) => profile.directions.length > 0,
  availability: (profile) => Boolean(profile.hoursPerWeek || profile.workMode || profile.availableFrom),
};

export function completedSteps(profile: ProfileContent): ProfileStep[] {
  return CONTENT_STEPS.filter((step) => filled[step](profile));
}

export type Completeness = {
  /** The counted steps that hold something, in the editor's order. */
  done: ProfileStep[];
  /** The counted steps still empty, in the editor's order: each is a link to its step. */
  missing: ProfileStep[];
  count: number;
  total: number;
  /** Whole per cent, rounded down: 100 only when nothing is missing. */
  percent: number;
};

/** The picture of the profile's completeness: what is there, what is missing, as a share. */
export function profileCompleteness(profile: ProfileContent): Completeness {
  const done = completedSteps(profile);
  const missing = CONTENT_STEPS.filter((step) => !done.includes(step));
  const total = CONTENT_STEPS.length;
  return { done, missing, count: done.length, total, percent: Math.floor((done.length * 100) / total) };
}
