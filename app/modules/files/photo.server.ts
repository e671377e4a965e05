import type { StorageActor } from '~/platform/storage/types';
import { clearCurrentFile, replaceCurrentFile } from './current-file.server';
import { PHOTO_MAX_BYTES } from './limits';
import { normalizePhoto, type PhotoError } from './photo-image.server';

export type SavePhotoResult = { ok: true } | { ok: false; error: PhotoError | 'errors.photoTooLarge' | 'errors.failed' };

/**
 * Makes an uploaded image the member's photo: redrawn without metadata (photo-image.server.ts),
 * stored under avatars/<user-id>/<random>, the previous photo deleted. Who sees it stays as the
 * member set it (photo_audience).
 */
export async function savePhoto(actor: StorageActor, bytes: Uint8Array): Promise<SavePhotoResult> {
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, error: 'errors.photoTooLarge' };
  const photo = await normalizePhoto(bytes);
  if (!photo.ok) return photo;
  const path = await replaceCurrentFile(actor, 'photo', photo.bytes);
  return path ? { ok: true } : { ok: false, error: 'errors.failed' };
}

/** Back to the generated avatar; false when there was no photo. */
export function removePhoto(actor: StorageActor): Promise<boolean> {
  return clearCurrentFile(actor, 'photo');
}
