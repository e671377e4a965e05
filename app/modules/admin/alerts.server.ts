import type { Language } from '~/i18n/config';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { asAdminOutcome } from './admin-refusal.server';
import { presentEvent, type PresentedEvent } from './event-rows.server';
import { formatMoment } from './moment.server';
import { loadReferenceNames } from './reference-names.server';

/**
 * Alerts for admins: audit rows marked alert (quota exceeded, canary opened) and members' abuse
 * reports (app.list_abuse_report_alerts), the open ones first, then the newest acknowledged.
 * Acknowledging records which admin did it and when; a second admin's click changes nothing.
 */
export type Acknowledged = { at: string; by: string | null };
export type EventAlert = PresentedEvent & { acknowledged: Acknowledged | null };
export type ReportAlert = {
  id: string;
  when: string;
  organizer: { name: string | null; email: string; organization: string | null } | null;
  message: string;
  reason: string;
  acknowledged: Acknowledged | null;
};

const OPEN_ROWS = 200;
const ACKNOWLEDGED_ROWS = 50;

export async function loadAlerts(identity: Identity, language: Language) {
  const names = await loadReferenceNames(identity, language);
  return runtime().db.asUser(identity, async (tx) => {
    const [openEvents, doneEvents, openReports, doneReports] = [
      await tx`select * from app.list_alerts(false, null, null, ${OPEN_ROWS})`,
      await tx`select * from app.list_alerts(true, null, null, ${ACKNOWLEDGED_ROWS})`,
      await tx`select * from app.list_abuse_report_alerts(false, ${OPEN_ROWS})`,
      await tx`select * from app.list_abuse_report_alerts(true, ${ACKNOWLEDGED_ROWS})`,
    ];
    const acknowledged = (row: Record<string, unknown>): Acknowledged | null =>
      row.acknowledged_at ? { at: formatMoment(row.acknowledged_at as Date, language), by: (row.acknowledged_by_email as string | null) ?? null } : null;
    const event = (row: (typeof openEvents)[number]): EventAlert => ({ ...presentEvent(row, language, names), acknowledged: acknowledged(row) });
    const report = (row: (typeof openReports)[number]): ReportAlert => ({
      id: String(row.id),
      when: formatMoment(row.created_at as Date, language),
      organizer: row.organizer_email
        ? { name: row.organizer_name ?? null, email: row.organizer_email, organization: row.organization ?? null }
        : null,
      message: row.message,
      reason: row.reason,
      acknowledged: acknowledged(row),
    });
    return {
      open: { events: openEvents.map(event), reports: openReports.map(report) },
      acknowledged: { events: doneEvents.map(event), reports: doneReports.map(report) },
    };
  });
}

/** How many alerts wait for an admin; null when the person may not ask (no admin power). */
export async function countOpenAlerts(identity: Identity): Promise<number | null> {
  if (!identity.roles.includes('admin') || identity.aal !== 'aal2') return null;
  const [row] = await runtime().db.asUser(identity, (tx) => tx`select app.count_open_alerts() as n`);
  return (row?.n as number | undefined) ?? 0;
}

export async function acknowledgeAlert(identity: Identity, kind: 'event' | 'report', id: string) {
  return asAdminOutcome(() =>
    runtime().db.asUser(identity, async (tx) => {
      const [row] =
        kind === 'event'
          ? await tx`select app.acknowledge_alert(${id}::bigint) as done`
          : await tx`select app.acknowledge_abuse_report(${id}::bigint) as done`;
      return row?.done === true;
    }),
  );
}
