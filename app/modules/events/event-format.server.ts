import type { Language } from '~/i18n/config';

/**
 * Event times as every viewer sees them: in the venue's time zone, with the zone named
 * ("19:00 (Europe/Warsaw)"), formatted on the server in the reader's language (the browser may
 * lack Belarusian date data, and must not shift the time to its own zone).
 */

function day(moment: Date, zone: string, language: Language) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: zone }).format(moment);
}

function time(moment: Date, zone: string, language: Language) {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(moment);
}

/** "Thursday, 12 March 2030, 19:00–21:00 (Europe/Warsaw)"; the end's day too when it differs. */
export function formatEventTime(startsAt: Date, endsAt: Date, zone: string, language: Language): string {
  const startDay = day(startsAt, zone, language);
  const endDay = day(endsAt, zone, language);
  const end = endDay === startDay ? time(endsAt, zone, language) : `${endDay}, ${time(endsAt, zone, language)}`;
  return `${startDay}, ${time(startsAt, zone, language)}–${end} (${zone})`;
}

/** A moment at the venue with the zone: "Thursday, 12 March 2030, 19:00 (Europe/Warsaw)". */
export function formatMoment(moment: Date, zone: string, language: Language): string {
  return `${day(moment, zone, language)}, ${time(moment, zone, language)} (${zone})`;
}

/** A day at the venue ('YYYY-MM-DD'), for public teasers: the day only, no time. */
export function formatDay(isoDay: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`));
}
