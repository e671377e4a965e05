import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

/** One organizer's view of the member's profile, as app.who_viewed_me() tells it. */
export type ProfileViewer = { viewedAt: string; organizerName: string | null; organization: string | null };

/** Who viewed the signed-in member's profile, newest first (at most 200), read as the member. */
export async function listMyViewers(identity: Identity): Promise<ProfileViewer[]> {
  return runtime().db.asUser(identity, async (tx) => {
    const rows = await tx`select viewed_at, organizer_name, organization from app.who_viewed_me()`;
    return rows.map((row) => ({
      viewedAt: new Date(row.viewed_at as string | Date).toISOString(),
      organizerName: (row.organizer_name as string | null) ?? null,
      organization: (row.organization as string | null) ?? null,
    }));
  });
}
