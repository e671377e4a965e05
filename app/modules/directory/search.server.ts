import type { JSONValue } from 'postgres';
import { OrganizerRefusal, readRefusal } from '~/modules/audit/refusals.server';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';
import { decodeCursor } from './cursor.server';
import { PAGE_SIZE, type Cursor, type DirectoryFilters, type DirectoryPage } from './directory-model';
import { toDirectoryPage, type SearchRow } from './search-result.server';

/**
 * One page of the organizer directory. Everything that matters happens in
 * app.organizer_search(), in one transaction as the organizer: the power and the second factor,
 * the hourly quota, the audit row, visibility, the allow-listed card columns and the suppressed
 * small counts (decision 017). Every call is one search for the quota, first page or next.
 *
 * A cursor that does not read starts from the first page. Refusals come back as an
 * OrganizerRefusal; over quota the alert is written afterwards by a second call, in its own
 * transaction, since the refused one was rolled back (decision 016).
 */
export type SearchOptions = { after?: Cursor | null; pageSize?: number; facets?: boolean };

export async function searchDirectory(identity: Identity, filters: DirectoryFilters, options: SearchOptions = {}): Promise<DirectoryPage> {
  const after = decodeCursor(options.after);
  const pageSize = Number.isInteger(options.pageSize) ? options.pageSize! : PAGE_SIZE;
  try {
    const row = await runtime().db.asUser(identity, async (tx) => {
      const [result] = await tx`
        select app.organizer_search(${tx.json(filters as unknown as JSONValue)}::jsonb, ${after ? tx.json(after) : null}::jsonb,
                                    ${pageSize}::int, ${options.facets ?? true}) as page`;
      return result?.page as SearchRow;
    });
    return toDirectoryPage(row);
  } catch (error) {
    const refusal = readRefusal(error);
    if (!refusal) throw error;
    if (refusal.kind === 'quota') {
      await runtime().db.asUser(identity, (tx) => tx`select app.record_quota_exceeded(${refusal.action})`);
    }
    throw new OrganizerRefusal(refusal);
  }
}
