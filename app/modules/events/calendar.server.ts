import { createEvent } from 'ics';
import type { Language } from '~/i18n/config';
import { translator } from '~/platform/i18n.server';
import type { EventForViewer } from './event-model';
import { localTitle } from './event-views.server';

/**
 * The `.ics` file of an event for a confirmed attendee (ADR 025, T8): title, start and end as
 * UTC instants (every calendar shows them in its own zone, daylight saving included; the
 * venue's zone is named in the description), the venue or the online link (the attendee may
 * see them) and a link back to the page. Never an attendee, an organizer or an e-mail address.
 */
export async function eventCalendar(event: EventForViewer, language: Language, appUrl: string): Promise<string> {
  const t = await translator(language, 'attendance');
  const link = `${appUrl}/events/${event.id}`;
  const { value, error } = createEvent({
    uid: `${event.id}@talaka`,
    productId: 'talaka/events',
    title: localTitle(event.titles, language).title,
    description: t('calendar.description', { zone: event.timeZone, link }),
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: (event.online ? event.onlineUrl : event.venueAddress) ?? undefined,
    url: link,
    status: 'CONFIRMED',
  });
  if (error || !value) throw error ?? new Error('the calendar file could not be made');
  return value;
}

/** Only a confirmed attendee of a scheduled event gets the file. */
export function mayDownloadCalendar(event: EventForViewer | null): event is EventForViewer {
  return event !== null && event.status === 'scheduled' && event.registration?.status === 'confirmed';
}
