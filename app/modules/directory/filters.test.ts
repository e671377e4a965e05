import { describe, expect, it } from 'vitest';
import type { DirectoryFilters } from './directory-model';
import { canonicalRedirect, directoryHref, isEmptyFilter, readFilters, writeFilters, type KnownIds } from './filters';

const known: KnownIds = {
  skills: new Set(['criminal-law', 'fact-checking', ...Array.from({ length: 60 }, (_, index) => `skill-${index}`)]),
  countries: new Set(['PL', 'LT']),
  languages: new Set(['be', 'pl', 'en']),
  directions: new Set(['media', 'human-rights']),
};
const read = (query: string) => readFilters(new URLSearchParams(query), known);

describe('reading and writing the directory filters', () => {
  it('reads nothing as the defaults, and writes the defaults as nothing', () => {
    const { filters, after, errors } = read('');
    expect(filters).toEqual({ skills: [], skillMatch: 'any', sort: 'relevance' });
    expect(after).toBeNull();
    expect(errors).toEqual({});
    expect(writeFilters(filters).toString()).toBe('');
    expect(directoryHref(filters)).toBe('/directory');
    expect(isEmptyFilter(filters)).toBe(true);
  });

  it('round-trips every filter through the URL in one canonical order', () => {
    const filters: DirectoryFilters = {
      q: 'Ціханоўская',
      skills: ['criminal-law', 'fact-checking'],
      skillMatch: 'all',
      minSkillLevel: 3,
      city: 'Wilno',
      country: 'LT',
      language: 'pl',
      minLanguageLevel: 'B2',
      direction: 'human-rights',
      workMode: 'remote',
      minHours: 10,
      sort: 'recent',
    };
    const query = writeFilters(filters, 'abc_123').toString();
    expect(query).toBe(
      'q=%D0%A6%D1%96%D1%85%D0%B0%D0%BD%D0%BE%D1%9E%D1%81%D0%BA%D0%B0%D1%8F&skill=criminal-law&skill=fact-checking&match=all&skillLevel=3' +
        '&city=Wilno&country=LT&lang=pl&langLevel=B2&direction=human-rights&mode=remote&hours=10&sort=recent&after=abc_123',
    );
    const again = read(query);
    expect(again.filters).toEqual(filters);
    expect(again.after).toBe('abc_123');
    expect(again.errors).toEqual({});
    // Writing what was read gives the same string: the canonical form is a fixed point.
    expect(writeFilters(again.filters, again.after).toString()).toBe(query);
  });

  it('leaves defaults out and puts parameters in order whatever order they came in', () => {
    const { filters } = read('sort=relevance&match=any&city=&q=&skill=fact-checking&country=pl&utm_source=list');
    expect(writeFilters(filters).toString()).toBe('skill=fact-checking&country=PL');
    expect(isEmptyFilter(filters)).toBe(false);
    expect(isEmptyFilter(read('sort=recent&match=all').filters)).toBe(true);
  });

  it('cleans free text: control and direction characters go, spaces collapse, the first value counts', () => {
    const { filters, errors } = read(`q=${encodeURIComponent('  Вольга\u0000\u202e  Lis\n ')}&q=second&city=%20Вильнюс%20`);
    expect(filters.q).toBe('Вольга Lis');
    expect(filters.city).toBe('Вильнюс');
    expect(errors).toEqual({});
  });

  it('refuses a 1 MB string with a field error and keeps only a short piece of it to show', () => {
    const huge = 'я'.repeat(1_000_000);
    const result = read(`q=${huge}&city=${huge}`);
    expect(result.filters.q).toBeUndefined();
    expect(result.filters.city).toBeUndefined();
    expect(result.errors).toEqual({ q: 'errors.textTooLong', city: 'errors.textTooLong' });
    expect(result.typed.q.length).toBeLessThanOrEqual(200);
  });

  it('keeps the first ten of fifty skills, says so, and drops repeats', () => {
    const query = Array.from({ length: 50 }, (_, index) => `skill=skill-${index}`).join('&');
    const { filters, errors } = read(`skill=skill-0&${query}`);
    expect(filters.skills).toEqual(Array.from({ length: 10 }, (_, index) => `skill-${index}`));
    expect(errors.skill).toBe('errors.tooManySkills');
  });

  it('drops ids that are not in the reference lists, with a field error each', () => {
    const { filters, errors } = read('skill=criminal-law&skill=no-such-skill&skill=%3Cscript%3E&country=XX&lang=tlh&direction=../../etc');
    expect(filters.skills).toEqual(['criminal-law']);
    expect(filters.country).toBeUndefined();
    expect(filters.language).toBeUndefined();
    expect(filters.direction).toBeUndefined();
    expect(errors).toEqual({
      skill: 'errors.skillUnknown',
      country: 'errors.countryUnknown',
      lang: 'errors.languageUnknown',
      direction: 'errors.directionUnknown',
    });
  });

  it('refuses values of the wrong type or outside the closed lists', () => {
    const { filters, errors } = read('skillLevel=9&langLevel=D1&mode=both&hours=ten&sort=random&match=some');
    expect(filters).toEqual({ skills: [], skillMatch: 'any', sort: 'relevance' });
    expect(errors).toEqual({
      skillLevel: 'errors.choiceInvalid',
      langLevel: 'errors.choiceInvalid',
      mode: 'errors.choiceInvalid',
      hours: 'errors.hoursInvalid',
      sort: 'errors.choiceInvalid',
      match: 'errors.choiceInvalid',
    });
    expect(read('hours=0').errors.hours).toBe('errors.hoursInvalid');
    expect(read('hours=81').errors.hours).toBe('errors.hoursInvalid');
    expect(read('hours=2.5').errors.hours).toBe('errors.hoursInvalid');
    expect(read('hours=1e1').filters.minHours).toBe(10);
  });

  it('ignores a cursor that could not have come from us', () => {
    expect(read(`after=${'a'.repeat(401)}`).after).toBeNull();
    expect(read('after=%3Cscript%3E').after).toBeNull();
    expect(read('after=').after).toBeNull();
    expect(read('after=eyJ0IjoiMjAyNi0xMS0yOSJ9').after).toBe('eyJ0IjoiMjAyNi0xMS0yOSJ9');
  });

  it('checks only the shape of ids when it is not given the lists (in the browser)', () => {
    const { filters, errors } = readFilters(new URLSearchParams('skill=anything-here&skill=Not%20An%20Id&lang=xx'));
    expect(filters.skills).toEqual(['anything-here']);
    expect(filters.language).toBe('xx');
    expect(errors).toEqual({ skill: 'errors.skillUnknown' });
  });

  it('sends a query that is not canonical to the canonical one, keeping the language, and never loops', () => {
    const redirectOf = (query: string) => {
      const url = new URL(`http://talaka.test/directory?${query}`);
      return canonicalRedirect(url, readFilters(url.searchParams, known));
    };
    expect(redirectOf('city=Wilno&skill=criminal-law&q=&sort=relevance&lng=pl')).toBe('/directory?skill=criminal-law&city=Wilno&lng=pl');
    expect(redirectOf('skill=criminal-law&city=Wilno&lng=pl')).toBeNull();
    expect(redirectOf('q=&mode=&utm=x')).toBe('/directory');
    expect(redirectOf('')).toBeNull();
    expect(redirectOf('city=Wilno&hours=ten')).toBeNull();
    expect(redirectOf(`q=${encodeURIComponent('Вольга Лiс')}&after=abc`)).toBeNull();
  });
});
