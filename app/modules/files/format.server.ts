import { CV_MAX_BYTES, PHOTO_MAX_BYTES } from './limits';
import type { OwnFiles } from './own-files.server';

/**
 * Sizes and dates as the page's language writes them, formatted on the server only: browsers
 * ship different locale data (Chromium has none for Belarusian), and a page must hydrate with the
 * very text the server wrote. Dates in UTC, so the answer does not depend on the server's zone.
 */
export function describeOwnFiles(files: OwnFiles, language: string) {
  return {
    ...files,
    photoMax: formatSize(PHOTO_MAX_BYTES, language),
    cvMax: formatSize(CV_MAX_BYTES, language),
    photoUploaded: files.photo ? formatDate(files.photo.uploadedAt, language) : null,
    cvUploaded: files.cv ? formatDate(files.cv.uploadedAt, language) : null,
    cvSize: files.cv?.size != null ? formatSize(files.cv.size, language) : null,
  };
}

export function formatSize(bytes: number, language: string) {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes);
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024));
}

export function formatDate(iso: string, language: string) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}
