import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { readShortlistFailure } from './shortlist-errors.server';

/**
 * The export of one list, as app.export_shortlist() assembles it: only members who accepted the
 * organizer's contact request (and still show themselves to them), quota-bound and audited in
 * SQL. Over quota the refused transaction was rolled back, so the alert is written by a second
 * call (ADR 016) and the refusal comes back as an OrganizerRefusal. Null: no such list of theirs.
 */

export type ExportedMember = {
  displayName: string | null;
  channels: Partial<Record<'email' | 'telegram' | 'signal' | 'phone', string>>;
  city: Record<'be' | 'en' | 'pl', string> | null;
  note: string | null;
  acceptedAt: string | null;
};
export type ShortlistExport = { name: string; exportedAt: string; total: number; omitted: number; rows: ExportedMember[] };

type Row = { display_name: string | null; channels: ExportedMember['channels']; city: ExportedMember['city']; note: string | null; accepted_at: string | null };
type Data = { name: string; exported_at: string; total: number; omitted: number; rows: Row[] };

export async function exportShortlist(identity: Identity, listId: string): Promise<ShortlistExport | null> {
  try {
    const [row] = await runtime().db.asUser(identity, (tx) => tx`select app.export_shortlist(${listId}::uuid) as data`);
    const data = row!.data as Data;
    return {
      name: data.name,
      exportedAt: new Date(data.exported_at).toISOString(),
      total: data.total,
      omitted: data.omitted,
      rows: data.rows.map((member) => ({
        displayName: member.display_name,
        channels: member.channels ?? {},
        city: member.city,
        note: member.note,
        acceptedAt: member.accepted_at ? new Date(member.accepted_at).toISOString() : null,
      })),
    };
  } catch (error) {
    if (readShortlistFailure(error)?.error === 'errors.listNotFound') return null;
    const refusal = readRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'quota') {
      await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded(${refusal.action})`);
    }
    throw new OrganizerRefusal(refusal);
  }
}
