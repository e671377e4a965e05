import { describe, expect, it } from 'vitest';
import { dayRange, filtersSearch, readAuditFilters } from './audit-filters';

describe('readAuditFilters', () => {
  it('reads known filters', () => {
    const { filters, ignored } = readAuditFilters(
      new URLSearchParams({ action: 'search', who: ' nasta ', from: '2026-01-31', to: '2026-02-01', before: '2026-02-01T10:00:00.123456Z_42' }),
    );
    expect(ignored).toBe(false);
    expect(filters).toEqual({ action: 'search', who: 'nasta', from: '2026-01-31', to: '2026-02-01', before: { at: '2026-02-01T10:00:00.123456Z', id: '42' } });
  });

  it.each([
    ['action', 'drop table'],
    ['from', '2026-02-30'],
    ['to', '1999-12-31'],
    ['from', '99999-01-01'],
    ['before', '2026-02-01_1'],
    ['before', '2026-02-01T10:00:00.123456Z_0'],
    ['who', 'x'.repeat(201)],
    ['who', 'a\u0000b'],
  ])('drops %s=%j and says so', (name, value) => {
    const { filters, ignored } = readAuditFilters(new URLSearchParams([[name, value]]));
    expect(ignored).toBe(true);
    expect(Object.values(filters).every((entry) => entry === null)).toBe(true);
  });

  it('treats empty fields as no filter', () => {
    expect(readAuditFilters(new URLSearchParams({ action: '', who: '  ', from: '' })).ignored).toBe(false);
  });
});

describe('dayRange and filtersSearch', () => {
  it('makes the last day inclusive', () => {
    expect(dayRange('2026-01-31', '2026-01-31')).toEqual({ fromAt: '2026-01-31T00:00:00.000Z', untilAt: '2026-02-01T00:00:00.000Z' });
  });

  it('keeps the filters on the next page', () => {
    const { filters } = readAuditFilters(new URLSearchParams({ action: 'search', who: 'a b' }));
    expect(filtersSearch(filters)).toBe('?action=search&who=a+b');
    expect(filtersSearch(filters, { at: '2026-02-01T10:00:00.000000Z', id: '7' })).toBe(
      '?action=search&who=a+b&before=2026-02-01T10%3A00%3A00.000000Z_7',
    );
  });
});
