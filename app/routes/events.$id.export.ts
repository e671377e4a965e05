import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower } from '~/modules/auth/session.server';
import { attendeesCsv, attendeesCsvResponse } from '~/modules/events/event-csv.server';
import { readEventId } from '~/modules/events/event-id';
import { exportEventAttendees } from '~/modules/events/event-tools.server';
import { detectLanguage, translator } from '~/platform/i18n.server';

/**
 * The attendee list as CSV, behind "Download the list" on the attendees page. POST only: every
 * download is audited and counts against the quota, so a prefetch or a link fetches nothing.
 * Over quota the organizer goes back to the list, which says so; not theirs: 404.
 */

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/events/${readEventId(params.id)}/attendees`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const exported = await exportEventAttendees(identity, id).catch((error: unknown) => {
    if (!(error instanceof OrganizerRefusal)) throw error;
    if (error.refusal.kind === 'quota') throw redirect(`/events/${id}/attendees?done=exportQuota`);
    throw new Response('Forbidden', { status: 403 });
  });
  if (!exported) throw new Response('Not found', { status: 404 });
  const t = await translator(await detectLanguage(request), 'events');
  return attendeesCsvResponse(attendeesCsv(exported, t), exported.exportedAt);
}
