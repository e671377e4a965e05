import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/modules/auth/session.server';
import { eventCalendar, mayDownloadCalendar } from '~/modules/events/calendar.server';
import { readEventId } from '~/modules/events/event-id';
import { eventForViewer } from '~/modules/events/events.server';
import { detectLanguage } from '~/platform/i18n.server';
import { runtime } from '~/platform/runtime.server';

/**
 * `/events/:id/ics`: the event as a calendar file, for a confirmed attendee of a scheduled event
 * only; anyone else (waitlisted, pending, another member, an unknown event) gets a 404. The file
 * carries the venue the attendee may see and nobody's name or address (T8, ADR 025); it is not
 * kept by any cache.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const id = readEventId(params.id);
  const found = await eventForViewer(identity, id);
  const event = found.ok ? found.value : null;
  if (!mayDownloadCalendar(event)) throw new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const body = await eventCalendar(event, await detectLanguage(request), runtime().config.appUrl);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="talaka-event.ics"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
