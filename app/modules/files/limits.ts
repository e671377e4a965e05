/**
 * Upload limits, enforced on the server and shown on the page. A photo may come straight from a
 * phone camera (it is re-encoded to at most 512 px anyway); a CV must fit the documents bucket.
 */
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_SIZE = 512;
export const CV_MAX_BYTES = 5 * 1024 * 1024;

/** The two files a profile can have. */
export type FileKind = 'photo' | 'cv';
