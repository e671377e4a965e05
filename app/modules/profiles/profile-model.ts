/**
 * The profile's vocabulary, shared by the browser and the server: the editor's steps, the
 * closed lists the database knows (levels, audiences, consent purposes) and the shapes that
 * loaders send to the page. Plain JSON types only, so they arrive in the browser unchanged.
 */

export const PROFILE_STEPS = [
  'identity',
  'about',
  'place',
  'languages',
  'skills',
  'directions',
  'availability',
  'contact',
  'visibility',
] as const;
export type ProfileStep = (typeof PROFILE_STEPS)[number];

export function isProfileStep(value: unknown): value is ProfileStep {
  return typeof value === 'string' && (PROFILE_STEPS as readonly string[]).includes(value);
}

/** The step after this one, or null after the last. */
export function nextStep(step: ProfileStep): ProfileStep | null {
  return PROFILE_STEPS[PROFILE_STEPS.indexOf(step) + 1] ?? null;
}

export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

/** 1 learning, 2 working, 3 experienced, 4 expert (app.profile_skills.level). */
export const SKILL_LEVELS = [1, 2, 3, 4] as const;

export const WORK_MODES = ['remote', 'on_site', 'both'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

export const AUDIENCES = ['only_me', 'organizers', 'members'] as const;
export type Audience = (typeof AUDIENCES)[number];
/** The legal name and the CV never go beyond organizers (a check constraint says the same). */
export const CAPPED_AUDIENCES = ['only_me', 'organizers'] as const;

/** Groups of fields with an audience each, as named in app.profiles (`<part>_audience`). */
export const PROFILE_PARTS = ['identity', 'legal_name', 'skills', 'bio', 'photo', 'cv'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];
export const CAPPED_PARTS: readonly ProfilePart[] = ['legal_name', 'cv'];

export const CONSENT_PURPOSES = ['visible_to_organizers', 'visible_to_members'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** The wording shown now (app.current_consent_version); its text is `consent.<purpose>.<version>`. */
export const CONSENT_VERSION = 'v1';
/** Which consent an audience needs. */
export const purposeFor = (audience: Audience): ConsentPurpose | null =>
  audience === 'members' ? 'visible_to_members' : audience === 'organizers' ? 'visible_to_organizers' : null;

/** Ways to reach a member (app.contact_kind). Never shown to anyone else by this editor. */
export const CONTACT_KINDS = ['email', 'telegram', 'signal', 'phone'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
/** The member's channels as stored (normalised), null where none is given. */
export type ContactChannels = Record<ContactKind, string | null>;

export const LIMITS = { skills: 30, tags: 20, languages: 20, directions: 6 } as const;

export type EditableProfile = {
  id: string;
  displayName: string | null;
  legalName: string | null;
  headline: string | null;
  bio: string | null;
  cityId: string | null;
  countryCode: string | null;
  hoursPerWeek: number | null;
  workMode: WorkMode | null;
  openToRelocation: boolean;
  /** YYYY-MM-DD */
  availableFrom: string | null;
  hasPhoto: boolean;
  hasCv: boolean;
  audiences: Record<ProfilePart, Audience>;
  languages: { code: string; level: LanguageLevel }[];
  skills: { skill: string; level: number; years: number | null }[];
  tags: string[];
  directions: string[];
  /** The active consent per purpose, or null. */
  consents: Record<ConsentPurpose, { version: string; grantedAt: string } | null>;
};

export type Option = { value: string; label: string };
export type OptionGroup = { value: string; label: string; options: Option[] };

/** Reference data named in the page's language and sorted for it. */
export type ReferenceOptions = {
  countries: Option[];
  /** Cities grouped by country. */
  cities: OptionGroup[];
  languages: Option[];
  /** Skills grouped by category. */
  skills: OptionGroup[];
  directions: Option[];
};

/** What another member may see of a profile, with names in the viewer's language. */
export type ViewedProfile = {
  id: string;
  displayName?: string | null;
  headline?: string | null;
  legalName?: string | null;
  bio?: string | null;
  hasPhoto: boolean;
  place?: { city: string | null; country: string | null };
  availability?: { hoursPerWeek: number | null; workMode: WorkMode | null; openToRelocation: boolean; availableFrom: string | null };
  skills?: { name: string; category: string; level: number; years: number | null }[];
  tags?: string[];
  languages?: { name: string; level: LanguageLevel }[];
  directions?: string[];
};
