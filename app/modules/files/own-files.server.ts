import type { Audience } from '~/modules/profiles/profile-model';
import type { BaseIdentity } from '~/platform/auth/types';
import { runtime } from '~/platform/runtime.server';

export type OwnFiles = {
  profileId: string;
  photo: { uploadedAt: string } | null;
  photoAudience: Audience;
  cv: { name: string; size: number | null; uploadedAt: string } | null;
  cvAudience: Audience;
};

/** What the member has on file, for their own page; read as the member (RLS: their own rows). */
export async function getOwnFiles(identity: BaseIdentity): Promise<OwnFiles | null> {
  const [row] = await runtime().db.asUser(
    identity,
    (tx) => tx`
      select p.id, p.photo_path, p.cv_path, p.photo_audience, p.cv_audience,
             photo.created_at as photo_at, cv.created_at as cv_at,
             (cv.metadata ->> 'size')::bigint as cv_size, cv.user_metadata ->> 'name' as cv_name
      from app.profiles p
      left join storage.objects photo on photo.bucket_id = 'avatars' and photo.name = p.photo_path
      left join storage.objects cv on cv.bucket_id = 'documents' and cv.name = p.cv_path
      where p.id = auth.uid()`,
  );
  if (!row) return null;
  const date = (value: Date | null) => (value ?? new Date(0)).toISOString();
  return {
    profileId: row.id as string,
    photo: row.photo_path ? { uploadedAt: date(row.photo_at) } : null,
    photoAudience: row.photo_audience as Audience,
    cv: row.cv_path
      ? { name: (row.cv_name as string | null) ?? 'cv.pdf', size: row.cv_size === null ? null : Number(row.cv_size), uploadedAt: date(row.cv_at) }
      : null,
    cvAudience: row.cv_audience as Audience,
  };
}
