import { AUDIT_ACTIONS, type AuditAction } from './audit-vocabulary';

/**
 * The audit trail's filters live in the URL (shareable, the back button works). Anything a
 * person or a script can type there is read leniently: a value we do not understand is dropped
 * and the page says so, never a 500 (T15).
 */
export type AuditCursor = { at: string; id: string };
export type AuditFilters = {
  action: AuditAction | null;
  /** Part of the actor's e-mail address or name. */
  who: string | null;
  /** Days, YYYY-MM-DD, both inclusive (UTC). */
  from: string | null;
  to: string | null;
  before: AuditCursor | null;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([1-9]\d{0,17})$/;
const MOST_WHO = 200;

export function readAuditFilters(params: URLSearchParams): { filters: AuditFilters; ignored: boolean } {
  let ignored = false;
  const text = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return value === '' ? null : value;
  };
  const keep = <T>(raw: string | null, valid: (value: string) => T | null): T | null => {
    if (raw === null) return null;
    const value = valid(raw);
    if (value === null) ignored = true;
    return value;
  };
  const filters: AuditFilters = {
    action: keep(text('action'), (value) => ((AUDIT_ACTIONS as readonly string[]).includes(value) ? (value as AuditAction) : null)),
    who: keep(text('who'), (value) => (value.length <= MOST_WHO && !/[\u0000-\u001f\u007f]/.test(value) ? value : null)),
    from: keep(text('from'), validDay),
    to: keep(text('to'), validDay),
    before: keep(text('before'), (value) => {
      const match = CURSOR.exec(value);
      return match && !Number.isNaN(Date.parse(match[1]!)) ? { at: match[1]!, id: match[2]! } : null;
    }),
  };
  return { filters, ignored };
}

/** A real calendar day between the years 2000 and 9999, or null. */
function validDay(value: string): string | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const date = new Date(`${value}T00:00:00Z`);
  if (year < 2000 || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  return value;
}

/** The first moment of a day and of the day after it, for a from–to range (UTC). */
export function dayRange(from: string | null, to: string | null): { fromAt: string | null; untilAt: string | null } {
  const next = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString() : null;
  return { fromAt: from ? `${from}T00:00:00.000Z` : null, untilAt: next };
}

/** The query string of these filters, starting after the given row when there is one. */
export function filtersSearch(filters: AuditFilters, cursor: AuditCursor | null = null): string {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.who) params.set('who', filters.who);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (cursor) params.set('before', `${cursor.at}_${cursor.id}`);
  return `?${params}`;
}
