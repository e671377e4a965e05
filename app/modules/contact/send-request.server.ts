import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Identity } from '~/platform/db/client.server';
import { takeAttempt } from '~/platform/rate-limit/rate-limit.server';
import { runtime } from '~/platform/runtime.server';
import { mailNotificationsNow } from '~/modules/notifications/mail-notifications.server';

export type SendOutcome =
  | { ok: true; id: string }
  | { ok: false; error: 'errors.unknownMember' | 'errors.quota' }
  /** Too many requests in a short time (ADR 026), on top of the daily quota: wait, then retry. */
  | { ok: false; error: 'errors.tooFast'; retryAfterSeconds: number };

/**
 * An organizer asks a member for contact through app.send_contact_request(): an unknown id, a
 * member who keeps their identity from organizers and one who blocked this organizer are the
 * same refusal. Over quota the alert is written afterwards in its own transaction (the refused
 * one was rolled back, ADR 016). A missing power comes back as an OrganizerRefusal.
 *
 * The member's mail is written right after by the mailer; if that fails the notification stays
 * unmailed and the next run sends it (the request itself never depends on the mail).
 */
export async function sendContactRequest(identity: Identity, memberId: string, message: string): Promise<SendOutcome> {
  const attempt = await takeAttempt([{ bucket: 'contact-organizer', key: identity.userId }]);
  if (!attempt.ok) return { ok: false, error: 'errors.tooFast', retryAfterSeconds: attempt.retryAfterSeconds };
  let id: string | null;
  try {
    id = await runtime().db.asUser(identity, async (tx) => {
      const [row] = await tx`select app.send_contact_request(${memberId}::uuid, ${message}) as id`;
      return (row?.id as string | null) ?? null;
    });
  } catch (error) {
    const refusal = readRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'power') throw new OrganizerRefusal(refusal);
    await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded(${refusal.action}, ${memberId}::uuid)`);
    return { ok: false, error: 'errors.quota' };
  }
  if (!id) return { ok: false, error: 'errors.unknownMember' };
  await mailNotificationsNow();
  return { ok: true, id };
}

/** The organizer takes back a pending or accepted request of theirs; false when there is none. */
export async function withdrawContactRequest(identity: Identity, requestId: string): Promise<boolean> {
  return runtime().db.asUser(identity, async (tx) => {
    const [row] = await tx`select app.withdraw_contact_request(${requestId}::uuid) as ok`;
    return row?.ok === true;
  });
}
