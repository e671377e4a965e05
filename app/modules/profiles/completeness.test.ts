import { describe, expect, it } from 'vitest';
import { completedSteps, profileCompleteness } from './completeness';

const empty = {
  displayName: null,
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
};

const full = {
  ...empty,
  displayName: 'Alesia',
  bio: 'Lawyer',
  cityId: 'warsaw',
  languages: [{ code: 'be', level: 'native' as const }],
  skills: [{ skill: 'law', level: 3, years: 5 }],
  directions: ['human-rights'],
  workMode: 'remote' as const,
};

describe('profile completeness', () => {
  it('counts nothing for a new profile, and lists every section as missing in the editor order', () => {
    expect(profileCompleteness(empty)).toEqual({
      done: [],
      missing: ['identity', 'about', 'place', 'languages', 'skills', 'directions', 'availability'],
      count: 0,
      total: 7,
      percent: 0,
    });
  });

  it('counts a country without a city as a place, and free tags as skills', () => {
    expect(completedSteps({ ...empty, countryCode: 'PL', tags: ['samizdat'] })).toEqual(['place', 'skills']);
  });

  it('gives the share in whole per cent, rounded down, so that 100 means nothing is missing', () => {
    expect(profileCompleteness({ ...empty, displayName: 'Alesia' })).toMatchObject({ count: 1, percent: 14 });
    expect(profileCompleteness({ ...full, workMode: null })).toMatchObject({ count: 6, percent: 85, missing: ['availability'] });
    expect(profileCompleteness(full)).toMatchObject({ count: 7, percent: 100, missing: [] });
  });

  it('lists only the empty sections as missing, the filled ones as done', () => {
    const partly = profileCompleteness({ ...empty, bio: 'Lawyer', directions: ['media'] });
    expect(partly.done).toEqual(['about', 'directions']);
    expect(partly.missing).toEqual(['identity', 'place', 'languages', 'skills', 'availability']);
  });

  it('never counts who sees what nor how to reach you: a hidden profile without contacts can be complete', () => {
    expect(profileCompleteness(full)).toMatchObject({ count: 7, total: 7 });
    expect(completedSteps(full)).not.toContain('visibility');
    expect(completedSteps(full)).not.toContain('contact');
    expect(profileCompleteness(full).missing).toEqual([]);
  });
});
