import QRCode from 'qrcode';
import type { Db, Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

/**
 * The attendee's pass (ADR 025): the one-time check-in code of a confirmed attendee, as text and
 * as a QR code. The code comes from `app.my_event_pass` (HMAC of the registration; the row keeps
 * only its hash), so the pass shows the same code however often it is opened.
 *
 * The QR holds the organizer's check-in page with the code filled in
 * (`/events/<id>/check-in?code=…`): an organizer scanning it with a phone camera lands on the
 * form and still presses the button (a GET never checks anyone in). Scanned by anyone else it
 * opens nothing: the page is for the event's organizers only.
 */

type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;

export type AttendeePassData = {
  eventId: string;
  /** 8 characters, shown as two groups of four. */
  code: string;
  /** A `data:image/svg+xml` URI of the QR code, rendered on the server. */
  qrSvg: string;
  /** When the attendee was checked in (ISO), or null. */
  checkedInAt: string | null;
};

/** The pass of the caller for an event; null unless they are a confirmed attendee of a scheduled event. */
export async function loadAttendeePass(identity: Who, eventId: string, options: { db?: Db; appUrl?: string } = {}): Promise<AttendeePassData | null> {
  const db = options.db ?? runtime().db;
  const pass = await db.asUser(identity, async (tx) => {
    const [row] = await tx`select app.my_event_pass(${eventId}::uuid) as pass`;
    return (row?.pass ?? null) as { code: string; checkedInAt: string | null } | null;
  });
  if (!pass) return null;
  const appUrl = options.appUrl ?? runtime().config.appUrl;
  const target = `${appUrl}/events/${eventId}/check-in?code=${pass.code}`;
  const svg = await QRCode.toString(target, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    eventId,
    code: pass.code,
    qrSvg: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    checkedInAt: pass.checkedInAt,
  };
}

/** "K7MQ 2XPA": easier to read out at a door. */
export function groupCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
