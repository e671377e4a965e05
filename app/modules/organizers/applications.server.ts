import type { Identity } from '~/platform/db/client.server';
import { formatDate } from '~/modules/files/format.server';
import { runtime } from '~/platform/runtime.server';
import type { OrganizerApplication } from './application-schema';

/**
 * A member's organizer application: reading their latest one, applying and withdrawing, each
 * as the member through the SQL functions of 20261129020200_organizer_vetting.sql.
 */

export type ApplicationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export type MyApplication = {
  id: string;
  organization: string;
  roleInOrganization: string;
  status: ApplicationStatus;
  createdAt: string;
  decidedAt: string | null;
};

/** The member's most recent application, or null when they never applied; dates in the page's language. */
export async function readMyLatestApplication(identity: Identity, language: string): Promise<MyApplication | null> {
  const [row] = await runtime().db.asUser(
    identity,
    (tx) => tx`select id, organization, role_in_organization, status, created_at, decided_at
               from app.organizer_applications where applicant_id = auth.uid()
               order by created_at desc limit 1`,
  );
  if (!row) return null;
  return {
    id: row.id,
    organization: row.organization,
    roleInOrganization: row.role_in_organization,
    status: row.status,
    createdAt: formatDate((row.created_at as Date).toISOString(), language),
    decidedAt: row.decided_at ? formatDate((row.decided_at as Date).toISOString(), language) : null,
  };
}

/** Refusals the database knows about, as keys of the organizers namespace. */
const refusals: Record<string, string> = {
  'organizers:errors.alreadyPending': 'errors.alreadyPending',
  'organizers:errors.alreadyOrganizer': 'errors.alreadyOrganizer',
};

export async function applyToBeOrganizer(
  identity: Identity,
  application: Omit<OrganizerApplication, 'intent'>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await runtime().db.asUser(
      identity,
      (tx) => tx`select app.apply_to_be_organizer(${application.organization}, ${application.roleInOrganization},
                                                  ${application.motivation}, ${application.reference})`,
    );
    return { ok: true };
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    const known = hint ? refusals[hint] : undefined;
    if (known) return { ok: false, error: known };
    throw error;
  }
}

/** Withdraws the member's own pending application; false when there was none to withdraw. */
export async function withdrawMyApplication(identity: Identity, applicationId: string): Promise<boolean> {
  const [row] = await runtime().db.asUser(
    identity,
    (tx) => tx`select app.withdraw_organizer_application(${applicationId}) as withdrawn`,
  );
  return row?.withdrawn === true;
}
