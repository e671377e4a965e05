import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Db, Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { attempt, readEventFailure } from './event-errors.server';
import type { RegistrationStatus, ShownCount } from './event-model';

/**
 * The organizer's tools over migration 20261129030500 (ADR 024): cancel an event (everyone
 * registered is notified in SQL, in the same transaction), export the list (audited and
 * quota-bound in SQL), and the fill level of the listing's cards.
 */

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;
const database = (db?: Db) => db ?? runtime().db;

/** The event's organizers: cancels it; how many registered members were notified. */
export function cancelEvent(who: Who, event: string, db?: Db) {
  return attempt(() => database(db).asUser(who, async (tx) => (await tx`select app.cancel_event(${event}::uuid) as notified`)[0]!.notified as number));
}

export type ExportedAttendee = { displayName: string | null; status: RegistrationStatus; position: number | null; checkedIn: boolean };
export type AttendeeExport = { exportedAt: string; rows: ExportedAttendee[] };

/**
 * The event's organizers: the list as the CSV carries it. Null for an unknown event or one they
 * do not organize. Over quota the refused transaction was rolled back, so the alert is written by
 * a second call (ADR 016) and an OrganizerRefusal is thrown, as the shortlist export does.
 */
export async function exportEventAttendees(who: Identity, event: string, db?: Db): Promise<AttendeeExport | null> {
  try {
    const [row] = await database(db).asUser(who, (tx) => tx`select app.export_event_attendees(${event}::uuid) as data`);
    const data = row!.data as { exported_at: string; rows: { display_name: string | null; status: RegistrationStatus; position: number | null; checked_in: boolean }[] };
    return {
      exportedAt: new Date(data.exported_at).toISOString(),
      rows: data.rows.map((r) => ({ displayName: r.display_name, status: r.status, position: r.position, checkedIn: r.checked_in })),
    };
  } catch (error) {
    if (readEventFailure(error)?.error === 'errors.notFound') return null;
    const refusal = readRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'quota') {
      await database(db).asUser(who, (tx) => tx`select app.record_quota_exceeded(${refusal.action})`);
    }
    throw new OrganizerRefusal(refusal);
  }
}

export type EventFill = { capacity: number; waitlisted: ShownCount };

/** Members: capacity and waitlist length of the listed events, by id. */
export async function eventFill(who: Who, events: string[], db?: Db): Promise<Record<string, EventFill>> {
  if (events.length === 0) return {};
  const rows = await database(db).asUser(who, (tx) => tx`select id, capacity, waitlisted from app.event_fill(${events}::uuid[])`);
  return Object.fromEntries(rows.map((row) => [row.id as string, { capacity: row.capacity as number, waitlisted: row.waitlisted as ShownCount }]));
}
