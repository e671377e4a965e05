import type { Identity } from '~/platform/db/client.server';
import { formatDate } from '~/modules/files/format.server';
import { runtime } from '~/platform/runtime.server';
import { adminRefusalKey } from './admin-refusal.server';
import type { AdminAction } from './admin-schemas';

/**
 * The admin page's reads and actions, run as the admin through the SQL functions of
 * 20261129020200_organizer_vetting.sql, which check the admin role and the second factor.
 */

export type Approval = { adminId: string; adminEmail: string; decision: 'approve' | 'reject'; note: string | null; at: string };

export type QueuedApplication = {
  id: string;
  applicantEmail: string;
  applicantName: string | null;
  organization: string;
  roleInOrganization: string;
  motivation: string;
  reference: string;
  createdAt: string;
  approvals: Approval[];
};

export type RoleHolder = { userId: string; email: string; displayName: string | null; role: 'organizer' | 'admin'; grantedAt: string; probationUntil: string | null };

export type RoleChange = { id: string; actorEmail: string | null; userEmail: string; role: string; change: 'granted' | 'revoked'; reason: string; changedAt: string };


/** The queue, the organizers and admins, and the newest role changes, in one transaction; dates in the page's language. */
export async function loadVettingOverview(identity: Identity, language: string) {
  const iso = (value: Date | null) => (value ? formatDate(value.toISOString(), language) : null);
  return runtime().db.asUser(identity, async (tx) => {
    const queue = await tx`select * from app.list_organizer_applications()`;
    const holders = await tx`select * from app.list_role_holders()`;
    const changes = await tx`select * from app.list_role_changes(100)`;
    return {
      queue: queue.map((row): QueuedApplication => ({
        id: row.id,
        applicantEmail: row.applicant_email,
        applicantName: row.applicant_name,
        organization: row.organization,
        roleInOrganization: row.role_in_organization,
        motivation: row.motivation,
        reference: row.reference,
        createdAt: iso(row.created_at)!,
        approvals: (row.approvals as Approval[]).map((approval) => ({ ...approval, at: formatDate(approval.at, language) })),
      })),
      holders: holders.map((row): RoleHolder => ({
        userId: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        grantedAt: iso(row.granted_at)!,
        probationUntil: iso(row.probation_until),
      })),
      changes: changes.map((row): RoleChange => ({
        id: String(row.id),
        actorEmail: row.actor_email,
        userEmail: row.user_email,
        role: row.role,
        change: row.change,
        reason: row.reason,
        changedAt: iso(row.changed_at)!,
      })),
    };
  });
}

export type ActionOutcome = { ok: true; message: string } | { ok: false; error: string };

/** Approve, reject or revoke; a refusal the database explains comes back as a key of `admin`. */
export async function performAdminAction(identity: Identity, action: AdminAction): Promise<ActionOutcome> {
  try {
    return await runtime().db.asUser(identity, async (tx) => {
      if (action.intent === 'revoke') {
        await tx`select app.revoke_role(${action.userId}, ${action.role}, ${action.reason})`;
        return { ok: true, message: 'done.revoked' } as const;
      }
      const [row] = await tx`select app.decide_organizer_application(${action.applicationId}, ${action.intent}, ${action.note}) as status`;
      return { ok: true, message: `done.${row!.status as string}` } as const;
    });
  } catch (error) {
    return { ok: false, error: adminRefusalKey(error) };
  }
}
