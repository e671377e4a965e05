import type { Db, Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { attempt } from './event-errors.server';

/**
 * Check-in at the door through `app.check_in` (ADR 025), as the organizer: the power with a
 * second factor and being one of the event's organizers are checked in SQL. A code is accepted
 * once; a used one answers "already" with the time, a code of another event or none "unknown"
 * (the same answer: the page must not tell which events a code belongs to).
 */

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;

export type CheckInResult = {
  result: 'checked_in' | 'already' | 'unknown';
  displayName: string | null;
  checkedInAt: Date | null;
  checkedIn: number;
  confirmed: number;
};

export function checkIn(who: Who, eventId: string, code: string, db?: Db) {
  return attempt(() =>
    (db ?? runtime().db).asUser(who, async (tx) => {
      const [row] = await tx`select app.check_in(${eventId}::uuid, ${code}) as answer`;
      const answer = row!.answer as Omit<CheckInResult, 'checkedInAt'> & { checkedInAt: string | null };
      return { ...answer, checkedInAt: answer.checkedInAt ? new Date(answer.checkedInAt) : null } satisfies CheckInResult;
    }),
  );
}
