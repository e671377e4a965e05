import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

export type OwnProfile = {
  displayName: string | null;
  /** True while every part is seen by the member alone. */
  hidden: boolean;
  createdAt: string;
};

/** The signed-in member's own profile, read as that member (RLS decides). */
export async function getOwnProfile(identity: Identity): Promise<OwnProfile | null> {
  const [row] = await runtime().db.asUser(
    identity,
    (tx) => tx`select display_name, created_at,
                      greatest(identity_audience, legal_name_audience, skills_audience, bio_audience,
                               photo_audience, cv_audience) = 'only_me' as hidden
               from app.profiles where id = auth.uid()`,
  );
  if (!row) return null;
  return {
    displayName: row.display_name as string | null,
    hidden: row.hidden as boolean,
    createdAt: (row.created_at as Date).toISOString(),
  };
}
