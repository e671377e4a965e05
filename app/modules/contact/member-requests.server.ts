import type { Identity, Tx } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import type { ContactRequestStatus, ReceivedRequest } from './contact-model';
import type { MemberAnswer } from './contact-schemas';

/**
 * The member's side of the contact flow, always as the member: their inbox (opening it marks
 * the request notifications read), and their answers. Each answer is one definer function
 * that checks the request was sent to this member.
 */

export async function openMyInbox(identity: Identity): Promise<ReceivedRequest[]> {
  return runtime().db.asUser(identity, async (tx) => {
    await tx`select app.mark_my_notifications_read('contact_request')`;
    const rows = await tx`select * from app.my_contact_requests()`;
    return rows.map((row) => ({
      id: row.id as string,
      organizerName: (row.organizer_name as string | null) ?? null,
      organization: (row.organization as string | null) ?? null,
      message: row.message as string,
      status: row.status as ContactRequestStatus,
      createdAt: new Date(row.created_at as string | Date).toISOString(),
      answeredAt: row.answered_at ? new Date(row.answered_at as string | Date).toISOString() : null,
      blocked: row.blocked === true,
    }));
  });
}

export type AnswerOutcome = { ok: true; done: MemberAnswer['intent'] } | { ok: false; error: 'errors.unknownRequest' };

/** Accept, decline, block or unblock the sender, or report abuse; one answer for a request that is not theirs. */
export async function answerAsMember(identity: Identity, answer: MemberAnswer): Promise<AnswerOutcome> {
  const ok = await runtime().db.asUser(identity, (tx) => run(tx, answer));
  return ok ? { ok: true, done: answer.intent } : { ok: false, error: 'errors.unknownRequest' };
}

async function run(tx: Tx, answer: MemberAnswer): Promise<boolean> {
  const id = answer.requestId;
  switch (answer.intent) {
    case 'accept':
    case 'decline': {
      const [row] = await tx`select app.answer_contact_request(${id}::uuid, ${answer.intent === 'accept'}) as ok`;
      return row?.ok === true;
    }
    case 'block': {
      const [row] = await tx`
        select app.block_organizer(r.organizer_id) as ok from app.my_contact_requests() r where r.id = ${id}::uuid`;
      return row?.ok === true;
    }
    case 'unblock': {
      const [row] = await tx`
        select app.unblock_organizer(r.organizer_id) as ok from app.my_contact_requests() r where r.id = ${id}::uuid`;
      return row?.ok === true;
    }
    case 'report': {
      const [row] = await tx`select app.report_contact_abuse(${id}::uuid, ${answer.reason}) as ok`;
      return row?.ok === true;
    }
    default:
      return false;
  }
}

/** What an accepted organizer sees of the member: whether they saved channels, and a CV open to organizers. */
export async function readWhatIShare(identity: Identity): Promise<{ channels: boolean; cv: boolean }> {
  return runtime().db.asUser(identity, async (tx) => {
    const [row] = await tx`
      select exists (select 1 from app.contact_channels c where c.profile_id = p.id) as channels,
             (p.cv_audience = 'organizers' and p.cv_path is not null) as cv
      from app.profiles p where p.id = ${identity.userId}`;
    return { channels: row?.channels === true, cv: row?.cv === true };
  });
}
