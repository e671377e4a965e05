import { describe, expect, it } from 'vitest';
import { summarizeDetail, type ReferenceNames } from './detail-summary';

const names: ReferenceNames = {
  skills: new Map([['data-analysis', 'Data analysis']]),
  cities: new Map([['vilnius', 'Vilnius']]),
  countries: new Map(),
  languages: new Map([['pl', 'Polish']]),
  directions: new Map(),
};

describe('summarizeDetail', () => {
  it('puts a search into words, naming reference ids', () => {
    const lines = summarizeDetail(
      'search',
      { filters: { q: 'Ціханоўская', skills: ['data-analysis', 'unknown-skill'], skillMatch: 'all', minSkillLevel: 3, city: 'vilnius', language: 'pl', minLanguageLevel: 'B2', workMode: 'remote', sort: 'recent', bogus: 1 }, page: 2 },
      names,
    );
    expect(lines).toEqual([
      { key: 'detail.text', values: { value: 'Ціханоўская' } },
      { key: 'detail.skillsAll', values: { value: 'Data analysis, unknown-skill', level: 3 } },
      { key: 'detail.city', values: { value: 'Vilnius' } },
      { key: 'detail.language', values: { value: 'Polish', level: 'B2' } },
      { key: 'detail.workMode.remote', values: {} },
      { key: 'detail.sort.recent', values: {} },
      { key: 'detail.page', values: { count: 2 } },
    ]);
  });

  it('counts the rows of an export and names the quota hit', () => {
    expect(summarizeDetail('shortlist_export', { rows: 12, shortlist_id: 'x' }, names)).toEqual([{ key: 'detail.rows', values: { count: 12 } }]);
    expect(summarizeDetail('quota_exceeded', { alert: true, quota: 'search' }, names)).toEqual([{ key: 'detail.quota', values: { quota: 'search' } }]);
  });

  it('says nothing about details it does not know, whatever their shape', () => {
    for (const detail of [null, 'text', 42, [], { filters: 'no' }, { rows: '12' }]) {
      expect(summarizeDetail('shortlist_export', detail, names)).toEqual([]);
      expect(summarizeDetail('search', detail, names)).toEqual([]);
    }
    expect(summarizeDetail('profile_view', { anything: 1 }, names)).toEqual([]);
  });
});
