import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

export type OwnProfile = {
  displayName: string | null;
  visibility: 'hidden' | 'members';
  createdAt: string;
};

/** The signed-in member's own profile, read as that member (RLS decides). */
export async function getOwnProfile(identity: Identity): Promise<OwnProfile | null> {
  const [row] = await runtime().db.asUser(
    identity,
    (tx) => tx`select display_name, visibility, created_at from app.profiles where id = auth.uid()`,
  );
  if (!row) return null;
  return {
    displayName: row.display_name as string | null,
    visibility: row.visibility as OwnProfile['visibility'],
    createdAt: (row.created_at as Date).toISOString(),
  };
}
