import { describe, expect, it } from 'vitest';
import { hasStartedProfile, STEP_PARTS, whoSeesWhat, type ProfileStart } from './first-steps';
import { PROFILE_PARTS, PROFILE_STEPS } from './profile-model';

const hidden = { identity: 'only_me', legal_name: 'only_me', skills: 'only_me', bio: 'only_me', photo: 'only_me', cv: 'only_me' } as const;

/** A profile as the database makes it for a new account: empty, hidden from everyone, no consent. */
const fresh: ProfileStart = {
  displayName: null,
  legalName: null,
  headline: null,
  bio: null,
  cityId: null,
  countryCode: null,
  languages: [],
  skills: [],
  tags: [],
  directions: [],
  hoursPerWeek: null,
  workMode: null,
  availableFrom: null,
  openToRelocation: false,
  hasPhoto: false,
  hasCv: false,
  audiences: hidden,
  consents: { visible_to_organizers: null, visible_to_members: null },
};

describe('whether a member started their profile', () => {
  it('a new account has not started: nothing written, nothing opened, no consent, no contact', () => {
    expect(hasStartedProfile(fresh, [])).toBe(false);
  });

  it.each([
    ['a display name', { displayName: 'Kvitka' }],
    ['only a headline', { headline: 'Lawyer' }],
    ['only a legal name', { legalName: 'Alesia Kvitka' }],
    ['only a country', { countryCode: 'PL' }],
    ['only a free tag', { tags: ['samizdat'] }],
    ['only a date from which they are free', { availableFrom: '2027-01-01' }],
    ['only "open to relocation"', { openToRelocation: true }],
    ['only a photo', { hasPhoto: true }],
    ['only a CV', { hasCv: true }],
    ['a part opened to organizers', { audiences: { ...hidden, skills: 'organizers' as const } }],
    ['a consent given', { consents: { visible_to_organizers: { version: 'v1', grantedAt: '2026-11-29T08:00:00Z' }, visible_to_members: null } }],
  ])('a member with %s has started', (_what, change) => {
    expect(hasStartedProfile({ ...fresh, ...change }, [])).toBe(true);
  });

  it('a contact channel alone counts as a start, though nobody else sees it', () => {
    expect(hasStartedProfile(fresh, ['signal'])).toBe(true);
  });

  it('an empty string left by a form is not a start', () => {
    expect(hasStartedProfile({ ...fresh, bio: '' }, [])).toBe(false);
  });
});

describe('which parts each step fills', () => {
  it('every step is listed, and every part of the profile is filled by some step except the files', () => {
    expect(Object.keys(STEP_PARTS).sort()).toEqual([...PROFILE_STEPS].sort());
    const filled = new Set(Object.values(STEP_PARTS).flat());
    expect(PROFILE_PARTS.filter((part) => !filled.has(part))).toEqual(['photo', 'cv']);
  });

  it('how to reach you belongs to no part: it is never shown on the profile', () => {
    expect(STEP_PARTS.contact).toEqual([]);
  });
});

describe('who sees what', () => {
  it('a hidden profile is seen by its owner alone', () => {
    expect(whoSeesWhat(hidden)).toEqual({ members: [], organizers: [], only_me: [...PROFILE_PARTS] });
  });

  it('groups the parts by audience, keeping the order of the parts', () => {
    const audiences = { ...hidden, identity: 'members', skills: 'members', legal_name: 'organizers', cv: 'organizers' } as const;
    expect(whoSeesWhat(audiences)).toEqual({
      members: ['identity', 'skills'],
      organizers: ['legal_name', 'cv'],
      only_me: ['bio', 'photo'],
    });
  });
});
