import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import { defuseCell } from '~/modules/shortlists/csv-cells';
import type { AttendeeExport } from './event-tools.server';

/**
 * The attendee list as a CSV file: display names and statuses only (no e-mails, T8), a header
 * in the reader's language, every cell defused against formula injection (the shared
 * `defuseCell`), UTF-8 with a byte order mark so that spreadsheets read Cyrillic right.
 */
export function attendeesCsv(data: AttendeeExport, t: TFunction): string {
  const header = [t('csv.name'), t('csv.status'), t('csv.position'), t('csv.checkedIn')];
  const rows = data.rows.map((row) => [
    row.displayName ?? t('attendees.hiddenName'),
    t(`status.${row.status}`),
    row.position === null ? '' : String(row.position),
    row.checkedIn ? t('csv.yes') : '',
  ]);
  return stringify([header, ...rows].map((cells) => cells.map(defuseCell)), { bom: true, record_delimiter: 'windows' });
}

/** The download `event-attendees-YYYY-MM-DD.csv`, never cached. */
export function attendeesCsvResponse(csv: string, exportedAt: string) {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="event-attendees-${exportedAt.slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
