import type { Language } from '~/i18n/config';
import { formatDay, formatEventTime } from './event-format.server';
import type { EventCard, EventTeaser, Localized, ShownCount } from './event-model';
import { pickLanguage } from './event-model';
import type { EventPlaces } from './event-places.server';
import type { EventFill } from './event-tools.server';

/**
 * What a card of the listing shows, prepared on the server (times formatted in the venue's
 * zone in the reader's language, the city named, the title picked with its language) so the
 * page renders plain text. Teasers for signed-out visitors carry the day only and no counts.
 */

export type CardView = {
  id: string;
  title: string;
  titleLang: Language;
  type: string;
  place: string | null;
  online: boolean;
  when: string;
  /** True for signed-out visitors: day only, no link to the page. */
  teaser: boolean;
  cancelled: boolean;
  myStatus: string | null;
  fill: { confirmed: ShownCount; capacity: number | null; waitlisted: ShownCount | null; hasPlaces: boolean | null };
};

export function localTitle(titles: Localized, language: Language) {
  const titleLang = pickLanguage(titles, language) ?? language;
  return { title: titles[titleLang] ?? '', titleLang };
}

const cityName = (places: EventPlaces, cityId: string | null) => (cityId ? (places.cities.find((city) => city.id === cityId)?.name ?? cityId) : null);

export function cardView(event: EventCard, fill: EventFill | undefined, places: EventPlaces, language: Language): CardView {
  return {
    id: event.id,
    ...localTitle(event.titles, language),
    type: event.type,
    place: cityName(places, event.cityId),
    online: event.online,
    when: formatEventTime(event.startsAt, event.endsAt, event.timeZone, language),
    teaser: false,
    cancelled: event.status === 'cancelled',
    myStatus: event.myStatus,
    fill: { confirmed: event.attendeeCount, capacity: fill?.capacity ?? null, waitlisted: fill?.waitlisted ?? null, hasPlaces: event.hasPlaces },
  };
}

export function teaserView(event: EventTeaser, places: EventPlaces, language: Language): CardView {
  return {
    id: event.id,
    ...localTitle(event.titles, language),
    type: event.type,
    place: cityName(places, event.cityId),
    online: event.online,
    when: `${formatDay(event.day, language)} (${event.timeZone})`,
    teaser: true,
    cancelled: false,
    myStatus: null,
    // Visitors get no attendee numbers at all.
    fill: { confirmed: 'lt5', capacity: null, waitlisted: null, hasPlaces: null },
  };
}
