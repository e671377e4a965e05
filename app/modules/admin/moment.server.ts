/**
 * A moment (date and time, UTC) as the page's language writes it, for the audit trail and
 * alerts, where the hour matters. Formatted on the server only, like formatDate in
 * modules/files/format.server.ts: Chromium ships no Belarusian date data.
 */
export function formatMoment(value: Date | string, language: string) {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(value));
}
