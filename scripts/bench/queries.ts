/**
 * The fixed mix of organizer searches (issue 6, acceptance 2). Each entry is one kind of call
 * the directory page makes; `pages` > 1 follows the cursor (deep pages) and times every page
 * after the first. Values exist in the generated data (scripts/data/*).
 */
export type DirectoryQuery = {
  name: string;
  /** Selective filters: the issue's "≤ 3× from 10k to 500k" target applies to them. */
  selective: boolean;
  filters: Record<string, unknown>;
  facets: boolean;
  pages?: number;
};

export const QUERY_MIX: readonly DirectoryQuery[] = [
  { name: 'skill + city, facets', selective: true, facets: true, filters: { skills: ['backend-development'], city: 'Варшава' } },
  { name: 'skill + city, no facets', selective: true, facets: false, filters: { skills: ['backend-development'], city: 'Warszawa' } },
  {
    name: '3 skills (all) + language level, facets', selective: true, facets: true,
    filters: { skills: ['backend-development', 'frontend-development', 'devops-system-administration'], skillMatch: 'all', language: 'en', minLanguageLevel: 'B2' },
  },
  { name: 'direction + availability, facets', selective: false, facets: true, filters: { direction: 'media', workMode: 'remote', minHours: 10 } },
  { name: 'direction + availability, no facets', selective: false, facets: false, filters: { direction: 'media', workMode: 'remote', minHours: 10 } },
  { name: 'free text Cyrillic, facets', selective: true, facets: true, filters: { q: 'Ціханоўская' } },
  { name: 'free text Latin, facets', selective: true, facets: true, filters: { q: 'Tsikhanouskaya' } },
  { name: 'free text Latin, no facets', selective: true, facets: false, filters: { q: 'Shushkevich' } },
  { name: 'everyone, facets', selective: false, facets: true, filters: {} },
  { name: 'city, recent, deep pages 2–10', selective: false, facets: false, filters: { city: 'Вільня', sort: 'recent' }, pages: 10 },
];
