import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Identity, Tx } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import type { ContactRequestStatus, Revealed, SentRequest } from './contact-model';

/**
 * The organizer's side: their sent requests, their latest request to one member, and the
 * reveal of an accepted one. All go through definer functions that ask for the power (role and
 * second factor); a refusal comes back as an OrganizerRefusal. A reveal is audited and counted
 * (quota contact_reveal); over quota it is null with `quota: true`, and the alert is written.
 */

export async function listSentRequests(identity: Identity): Promise<SentRequest[]> {
  const rows = await asOrganizer(identity, (tx) => tx`select * from app.my_sent_contact_requests()`);
  return rows.map((row) => ({
    id: row.id as string,
    memberId: row.member_id as string,
    memberName: (row.member_name as string | null) ?? null,
    status: row.status as ContactRequestStatus,
    createdAt: new Date(row.created_at as string | Date).toISOString(),
    answeredAt: row.answered_at ? new Date(row.answered_at as string | Date).toISOString() : null,
  }));
}

export type LatestRequest = {
  id: string;
  status: ContactRequestStatus;
  createdAt: string;
  answeredAt: string | null;
} | null;

export async function readMyRequestTo(identity: Identity, memberId: string): Promise<LatestRequest> {
  const [row] = await asOrganizer(identity, (tx) => tx`select * from app.my_contact_request_to(${memberId}::uuid)`);
  if (!row) return null;
  return {
    id: row.id as string,
    status: row.status as ContactRequestStatus,
    createdAt: new Date(row.created_at as string | Date).toISOString(),
    answeredAt: row.answered_at ? new Date(row.answered_at as string | Date).toISOString() : null,
  };
}

export type RevealOutcome = { revealed: Revealed | null; quota: boolean };

export async function revealContact(identity: Identity, memberId: string): Promise<RevealOutcome> {
  try {
    const [row] = await asOrganizer(identity, (tx) => tx`select app.contact_reveal(${memberId}::uuid) as revealed`);
    return {
      revealed: (row?.revealed as Revealed | null) ?? null,
      quota: false,
    };
  } catch (error) {
    if (!(error instanceof QuotaRefusal)) throw error;
    await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded('contact_reveal', ${memberId}::uuid)`);
    return { revealed: null, quota: true };
  }
}

/**
 * Before an organizer downloads a CV: the same check and audit row as a reveal. True when the
 * download may go ahead; false for anyone else (the route then answers 404), or over quota.
 */
export async function revealCv(identity: Identity, memberId: string): Promise<'allowed' | 'refused' | 'quota'> {
  try {
    const [row] = await asOrganizer(identity, (tx) => tx`select app.reveal_cv(${memberId}::uuid) as ok`);
    return row?.ok === true ? 'allowed' : 'refused';
  } catch (error) {
    if (error instanceof OrganizerRefusal) return 'refused';
    if (!(error instanceof QuotaRefusal)) throw error;
    await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded('contact_reveal', ${memberId}::uuid)`);
    return 'quota';
  }
}

class QuotaRefusal extends Error {}

async function asOrganizer<T>(identity: Identity, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await runtime().db.asUser(identity, fn);
  } catch (error) {
    const refusal = readRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'power') throw new OrganizerRefusal(refusal);
    throw new QuotaRefusal(refusal.action);
  }
}
