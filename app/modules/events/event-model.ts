import type { EventType, EventVisibility } from './event-schema';

/**
 * What the event functions in SQL answer (migrations 20261129030000–030200), as the pages get
 * it from app/modules/events/events.server.ts. Times are Date objects; the page formats them on
 * the server, in the event's time zone, with the zone shown.
 */

export type Localized = Partial<Record<'be' | 'en' | 'pl', string>>;
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'pending' | 'declined' | 'cancelled';
export type EventStatus = 'scheduled' | 'cancelled';
/** Exact from 5 up; 'lt5' below (to anyone but the event's organizers). */
export type ShownCount = number | 'lt5';

/** The answer of sign-up, cancel, approve and decline. */
export type RegistrationAnswer = {
  registrationId: string | null;
  status: RegistrationStatus | null;
  /** 1-based place on the waitlist; null unless waitlisted. */
  position: number | null;
  /** Sign-up: false when the member was already registered (a repeat). */
  created?: boolean;
  /** Cancel, approve, decline: false when there was nothing to change. */
  changed?: boolean;
  /** Cancel: how many waitlisted members got a place (0 or 1). */
  promoted?: number;
};

/** One row of the listing: never a venue or a link. */
export type EventCard = {
  id: string;
  type: EventType;
  titles: Localized;
  cityId: string | null;
  countryCode: string | null;
  online: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: EventStatus;
  visibility: EventVisibility;
  approvalRequired: boolean;
  skills: string[];
  attendeeCount: ShownCount;
  hasPlaces: boolean;
  myStatus: RegistrationStatus | null;
  organizing: boolean;
};

/** A public teaser for signed-out visitors: the day only. */
export type EventTeaser = {
  id: string;
  type: EventType;
  titles: Localized;
  descriptions: Localized;
  cityId: string | null;
  countryCode: string | null;
  online: boolean;
  /** 'YYYY-MM-DD', the day at the venue. */
  day: string;
  timeZone: string;
  attendeeCount: ShownCount;
};

/** One event as the viewer may see it (app.event_for_viewer). */
export type EventForViewer = {
  id: string;
  type: EventType;
  status: EventStatus;
  visibility: EventVisibility;
  titles: Localized;
  descriptions: Localized;
  cityId: string | null;
  countryCode: string | null;
  online: boolean;
  /** Only for a confirmed attendee and the event's organizers (T8); null otherwise. */
  venueAddress: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  registrationOpen: boolean;
  approvalRequired: boolean;
  skills: string[];
  attendeeCount: ShownCount;
  hasPlaces: boolean;
  organizing: boolean;
  /** Exact counts, for the event's organizers only. */
  counts: { confirmed: number; waitlisted: number; pending: number; checkedIn: number } | null;
  registration: { status: RegistrationStatus; position: number | null } | null;
};

/** One person on the event's list (its organizers only). */
export type Attendee = {
  memberId: string;
  displayName: string | null;
  status: RegistrationStatus;
  position: number | null;
  registeredAt: Date;
  checkedInAt: Date | null;
};

/** The first language the event has, starting with the reader's (the page's fallback rule). */
export function pickLanguage(texts: Localized, reader: 'be' | 'en' | 'pl'): 'be' | 'en' | 'pl' | null {
  const order = [reader, 'be', 'en', 'pl'] as const;
  return order.find((language) => texts[language]) ?? null;
}
