import type { FileKind } from './limits';

/**
 * Responses of the file routes. Nothing a file route sends may be kept by a browser or a proxy
 * (hiding a photo must take effect at once, T12), nor be sniffed into another type.
 */
const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

const FILE_HEADERS: Record<FileKind, Record<string, string>> = {
  photo: { 'Content-Type': 'image/webp', 'Content-Disposition': 'inline' },
  // Always downloaded, under a name that says nothing about its owner.
  cv: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="cv.pdf"', 'Content-Security-Policy': 'sandbox' },
};

export function fileResponse(kind: FileKind, bytes: Uint8Array) {
  return new Response(new Uint8Array(bytes), { headers: { ...PRIVATE, ...FILE_HEADERS[kind], 'Content-Length': String(bytes.byteLength) } });
}

export function svgResponse(svg: string) {
  return new Response(svg, {
    headers: { ...PRIVATE, 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}

/** The one answer for a missing file, a hidden one, a malformed id and a visitor (T7). */
export function notFoundResponse() {
  return new Response('Not found', { status: 404, headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' } });
}
