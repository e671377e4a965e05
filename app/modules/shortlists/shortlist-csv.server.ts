import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import type { Language } from '~/i18n/config';
import { defuseCell } from './csv-cells';
import type { ShortlistExport } from './shortlist-export.server';

/**
 * The export as a CSV file an organizer opens in a spreadsheet: a header row in the reader's
 * language, one row per member who accepted the organizer's contact, every cell defused against
 * formula injection, UTF-8 with a byte order mark so that Excel reads Cyrillic and Łacinka right.
 */

const CHANNELS = ['email', 'telegram', 'signal', 'phone'] as const;

export function shortlistCsv(data: ShortlistExport, t: TFunction, language: Language): string {
  const header = [t('csv.name'), ...CHANNELS.map((kind) => t(`csv.${kind}`)), t('csv.city'), t('csv.note'), t('csv.acceptedOn')];
  const rows = data.rows.map((row) => [
    row.displayName ?? t('members.hidden'),
    ...CHANNELS.map((kind) => row.channels[kind] ?? ''),
    row.city?.[language] ?? '',
    row.note ?? '',
    // ISO dates: every spreadsheet sorts them, in any language.
    row.acceptedAt ? row.acceptedAt.slice(0, 10) : '',
  ]);
  return stringify([header, ...rows].map((cells) => cells.map(defuseCell)), { bom: true, record_delimiter: 'windows' });
}

/** The download: `shortlist-YYYY-MM-DD.csv`, never cached anywhere. */
export function csvResponse(csv: string, exportedAt: string) {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="shortlist-${exportedAt.slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
