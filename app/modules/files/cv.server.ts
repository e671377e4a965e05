import { runtime } from '~/platform/runtime.server';
import type { StorageActor } from '~/platform/storage/types';
import { clearCurrentFile, replaceCurrentFile } from './current-file.server';
import { CV_MAX_BYTES } from './limits';

export type SaveCvResult = { ok: true } | { ok: false; error: 'errors.cvNotPdf' | 'errors.cvTooLarge' | 'errors.failed' };

/**
 * Makes an uploaded PDF the member's CV, stored under documents/<user-id>/<random>, the previous
 * one deleted. A PDF is recognised by its content (`%PDF-` at the start), never by the name or
 * the type the browser declared: those are whatever the sender says.
 */
export async function saveCv(actor: StorageActor, bytes: Uint8Array, declaredName: string): Promise<SaveCvResult> {
  if (bytes.byteLength > CV_MAX_BYTES) return { ok: false, error: 'errors.cvTooLarge' };
  if (!isPdf(bytes)) return { ok: false, error: 'errors.cvNotPdf' };
  const path = await replaceCurrentFile(actor, 'cv', bytes);
  if (!path) return { ok: false, error: 'errors.failed' };
  await rememberFileName(actor, path, declaredName);
  return { ok: true };
}

/** Deletes the member's CV; false when there was none. */
export function removeCv(actor: StorageActor): Promise<boolean> {
  return clearCurrentFile(actor, 'cv');
}

export function isPdf(bytes: Uint8Array) {
  return bytes.byteLength >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/**
 * The name the member's own file had, so that their page can say which CV is on file. Kept in the
 * object's user_metadata (Supabase Storage's column for it), written as the member, so it goes
 * with the object; downloads are always called cv.pdf and never carry it.
 */
async function rememberFileName({ identity }: StorageActor, path: string, declaredName: string) {
  const name = cleanFileName(declaredName);
  await runtime().db.asUser(
    identity,
    (tx) => tx`update storage.objects set user_metadata = ${tx.json({ name })}
               where bucket_id = 'documents' and name = ${path}`,
  );
}

/** A file name fit to show: no path, no control or direction characters, at most 120 characters. */
export function cleanFileName(declared: string) {
  const name = declared
    .split(/[/\\]/)
    .pop()!
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim();
  return Array.from(name).slice(0, 120).join('') || 'cv.pdf';
}
