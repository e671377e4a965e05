import { z } from 'zod';
import { SORTS, type Cursor } from './directory-model';

/**
 * The directory's page cursor: the sort key of the last card shown, as app.organizer_search()
 * returns it in `next`, carried through the URL as one opaque base64url string. Reading never
 * throws: a cursor that was cut, edited or made up is no cursor, and the search starts again
 * from the first page. A well-formed but invented key is harmless: it only says where to start.
 * The key holds a day, never a time of activity (decision 017).
 */
const KeysetSchema = z
  .object({
    sort: z.enum(SORTS),
    rank: z.number().finite().min(0).max(1_000_000),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    id: z.string().uuid(),
    page: z.number().int().min(1).max(1_000_000),
  })
  .strict();

export type Keyset = z.infer<typeof KeysetSchema>;

/** Longer than any cursor we make; anything longer is not read at all. */
const MAX_CURSOR_LENGTH = 400;

export function encodeCursor(keyset: Keyset): Cursor {
  return Buffer.from(JSON.stringify(keyset), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: Cursor | null | undefined): Keyset | null {
  if (!cursor || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = KeysetSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The `next` value of app.organizer_search() as a cursor; null on the last page or if malformed. */
export function cursorFromNext(next: unknown): Cursor | null {
  const parsed = KeysetSchema.safeParse(next);
  return parsed.success ? encodeCursor(parsed.data) : null;
}
