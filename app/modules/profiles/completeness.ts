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

type Content = Pick<
  EditableProfile,
  'displayName' | 'bio' | 'cityId' | 'countryCode' | 'languages' | 'skills' | 'tags' | 'directions' | 'hoursPerWeek' | 'workMode' | 'availableFrom'
>;

const filled: Record<CountedStep, (profile: Content) => boolean> = {
  identity: (profile) => Boolean(profile.displayName),
  about: (profile) => Boolean(profile.bio),
  place: (profile) => Boolean(profile.cityId || profile.countryCode),
  languages: (profile) => profile.languages.length > 0,
  skills: (profile) => profile.skills.length + profile.tags.length > 0,
  directions: (profile) => profile.directions.length > 0,
  availability: (profile) => Boolean(profile.hoursPerWeek || profile.workMode || profile.availableFrom),
};

export function completedSteps(profile: Content): ProfileStep[] {
  return CONTENT_STEPS.filter((step) => filled[step](profile));
}

export function profileCompleteness(profile: Content) {
  const done = completedSteps(profile);
  return { done, count: done.length, total: CONTENT_STEPS.length };
}
