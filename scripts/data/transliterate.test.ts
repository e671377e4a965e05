import { describe, expect, it } from 'vitest';
import { cityWeights, generateMember, type Reference } from './member';
import { createRandom } from './random';
import { spell } from './transliterate';

describe('name spellings', () => {
  it('writes Belarusian Cyrillic in Łacinka, Latin and Polish as people type them', () => {
    expect(['lacinka', 'latin', 'polish'].map((s) => spell('Ціханоўская', s as never))).toEqual(['Cichanoŭskaja', 'Tsikhanouskaya', 'Cichanouska']);
    expect(spell('Шушкевіч', 'polish')).toBe('Szuszkiewicz');
    expect(spell('Вольга', 'latin')).toBe('Volha');
    expect(spell('Ягор Мартыновіч', 'lacinka')).toBe('Jahor Martynovič');
    expect(spell('Алесь', 'lacinka')).toBe('Aleś');
  });
});

describe('generated members', () => {
  const reference: Reference = {
    cities: [{ id: 'warsaw', countryCode: 'PL' }, { id: 'vilnius', countryCode: 'LT' }, { id: 'tbilisi', countryCode: 'GE' }],
    skillsByCategory: new Map([['it', ['backend-development', 'frontend-development']], ['law-human-rights', ['criminal-law']]]),
  };
  const make = (seed: number) => {
    const random = createRandom(seed);
    return Array.from({ length: 50 }, (_, i) => generateMember(random, seed, i, reference, cityWeights(reference)));
  };
  it('are the same for the same seed and differ for another', () => {
    expect(make(3)).toEqual(make(3));
    expect(make(3).map((m) => m.id)).not.toEqual(make(4).map((m) => m.id));
  });
  it('have valid UUIDs, generated e-mails and levels 1 to 4', () => {
    for (const m of make(5)) {
      expect(m.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(m.email).toMatch(/@generated\.talaka\.invalid$/);
      expect(m.cityId === null || m.countryCode === null).toBe(true);
      for (const s of m.skills) expect(s.level).toBeGreaterThanOrEqual(1);
      for (const s of m.skills) expect(s.level).toBeLessThanOrEqual(4);
    }
  });
});
