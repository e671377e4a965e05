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

describe('profile completeness', () => {
  it('counts nothing for a new profile', () => {
    expect(profileCompleteness(empty)).toEqual({ done: [], count: 0, total: 7 });
  });

  it('counts a country without a city as a place, and free tags as skills', () => {
    expect(completedSteps({ ...empty, countryCode: 'PL', tags: ['samizdat'] })).toEqual(['place', 'skills']);
  });

  it('never counts who sees what nor how to reach you: a hidden profile without contacts can be complete', () => {
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
    expect(profileCompleteness(full)).toMatchObject({ count: 7, total: 7 });
    expect(completedSteps(full)).not.toContain('visibility');
    expect(completedSteps(full)).not.toContain('contact');
  });
});
