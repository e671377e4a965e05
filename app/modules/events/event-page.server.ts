import type { Language } from '~/i18n/config';
import { formatEventTime, formatMoment } from './event-format.server';
import type { EventForViewer } from './event-model';
import { pickLanguage } from './event-model';
import type { EventPlaces } from './event-places.server';

/**
 * One event as its page shows it, prepared on the server: the title and description in the
 * reader's language or the first language the event has (with `lang` for the page), times in
 * the venue's zone with the zone named, the city and skills named. The venue and the link are
 * whatever SQL gave (null unless a confirmed attendee or an organizer, T8).
 */
export function eventPageView(event: EventForViewer, places: EventPlaces, language: Language) {
  const titleLang = pickLanguage(event.titles, language) ?? language;
  const descriptionLang = pickLanguage(event.descriptions, titleLang) ?? titleLang;
  return {
    id: event.id,
    type: event.type,
    cancelled: event.status === 'cancelled',
    title: event.titles[titleLang] ?? '',
    titleLang,
    description: event.descriptions[descriptionLang] ?? null,
    descriptionLang,
    otherLanguage: titleLang !== language ? titleLang : null,
    city: event.cityId ? (places.cities.find((city) => city.id === event.cityId)?.name ?? event.cityId) : null,
    online: event.online,
    venueAddress: event.venueAddress,
    onlineUrl: event.onlineUrl,
    when: formatEventTime(event.startsAt, event.endsAt, event.timeZone, language),
    window: { opens: formatMoment(event.registrationOpensAt, event.timeZone, language), closes: formatMoment(event.registrationClosesAt, event.timeZone, language) },
    registrationOpen: event.registrationOpen,
    approvalRequired: event.approvalRequired,
    skills: event.skills.map((id) => places.skills.find((skill) => skill.value === id)?.label ?? id),
    capacity: event.capacity,
    attendeeCount: event.attendeeCount,
    hasPlaces: event.hasPlaces,
    organizing: event.organizing,
    counts: event.counts,
    registration: event.registration,
  };
}
export type EventPageView = ReturnType<typeof eventPageView>;
