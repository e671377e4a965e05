import type { Language } from '~/i18n/config';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { dayRange, type AuditCursor, type AuditFilters } from './audit-filters';
import { presentEvent, type PresentedEvent } from './event-rows.server';
import { loadReferenceNames } from './reference-names.server';

/** Rows a page of the trail shows. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * A page of the audit trail, newest first, read as the admin through
 * app.browse_audit_events() (which checks the role and the second factor). The cursor is the
 * (time, id) of the last row, the time with its microseconds, so no row of one moment is lost.
 */
export async function browseAuditTrail(
  identity: Identity,
  filters: AuditFilters,
  language: Language,
): Promise<{ events: PresentedEvent[]; next: AuditCursor | null }> {
  const names = await loadReferenceNames(identity, language);
  const { fromAt, untilAt } = dayRange(filters.from, filters.to);
  const rows = await runtime().db.asUser(
    identity,
    (tx) => tx`
      select e.*, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
      from app.browse_audit_events(
        wanted_action => ${filters.action}, actor_query => ${filters.who},
        from_at => ${fromAt}::timestamptz, until_at => ${untilAt}::timestamptz,
        before_at => ${filters.before?.at ?? null}::timestamptz, before_id => ${filters.before?.id ?? null}::bigint,
        max_rows => ${AUDIT_PAGE_SIZE + 1}) e`,
  );
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = shown.at(-1);
  return {
    events: shown.map((row) => presentEvent(row, language, names)),
    next: rows.length > AUDIT_PAGE_SIZE && last ? { at: last.cursor_at as string, id: String(last.id) } : null,
  };
}
