import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

/**
 * How many searches the organizer has left in this hour's window (null when search has no
 * quota), for the guide on the empty search page. Read through app.quota_remaining(), which
 * applies probation the same way the search itself does.
 */
export async function searchesLeft(identity: Identity): Promise<number | null> {
  const [row] = await runtime().db.asUser(identity, (tx) => tx`select app.quota_remaining('search') as left`);
  return typeof row?.left === 'number' ? row.left : null;
}
