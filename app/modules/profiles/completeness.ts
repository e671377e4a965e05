import { PROFILE_STEPS, type EditableProfile, type ProfileStep } from './profile-model';

/**
 * How far a member got with their profile: which steps of the editor hold something. Who sees
 * what is a choice, not a gap, so it never counts: a profile hidden from everyone is complete.
 */
export const CONTENT_STEPS = PROFILE_STEPS.filter((step) => step !== 'visibility');

type Content = Pick<
  EditableProfile,
  'displayName' | 'bio' | 'cityId' | 'countryCode' | 'languages' | 'skills' | 'tags' | 'directions' | 'hoursPerWeek' | 'workMode' | 'availableFrom'
>;

const filled: Record<Exclude<ProfileStep, 'visibility'>, (profile: Content) => boolean> = {
  identity: (profile) => Boolean(profile.displayName),
  about: (profile) => Boolean(profile.bio),
  place: (profile) => Boolean(profile.cityId || profile.countryCode),
  languages: (profile) => profile.languages.length > 0,
  skills: (profile) => profile.skills.length + profile.tags.length > 0,
  directions: (profile) => profile.directions.length > 0,
  availability: (profile) => Boolean(profile.hoursPerWeek || profile.workMode || profile.availableFrom),
};

export function completedSteps(profile: Content): ProfileStep[] {
  return CONTENT_STEPS.filter((step) => filled[step as keyof typeof filled](profile));
}

export function profileCompleteness(profile: Content) {
  const done = completedSteps(profile);
  return { done, count: done.length, total: CONTENT_STEPS.length };
}
