import type { StorageActor } from '~/platform/storage/types';
import { removeCv, saveCv } from './cv.server';
import type { FileKind } from './limits';
import { removePhoto, savePhoto } from './photo.server';
import type { UploadForm } from './upload-form.server';

/** What the page says after a change (`?done=…`); the keys live under `done.` in files.json. */
export const DONE = ['photoSaved', 'photoRemoved', 'cvSaved', 'cvRemoved'] as const;
export type Done = (typeof DONE)[number];

export type FilesFormOutcome = { ok: true; done: Done } | { ok: false; section: FileKind; error: string };

/**
 * Carries out one of the page's four forms. Errors are translation keys of the `files`
 * namespace, shown beside the section they belong to. Null: no such form (a 400).
 */
export async function applyFilesForm(actor: StorageActor, form: UploadForm): Promise<FilesFormOutcome | null> {
  if (form.tooLarge) {
    return { ok: false, section: form.tooLarge, error: form.tooLarge === 'photo' ? 'errors.photoTooLarge' : 'errors.cvTooLarge' };
  }
  switch (form.intent) {
    case 'upload-photo': {
      if (form.file?.kind !== 'photo') return { ok: false, section: 'photo', error: 'errors.chooseFile' };
      const saved = await savePhoto(actor, form.file.bytes);
      return saved.ok ? { ok: true, done: 'photoSaved' } : { ok: false, section: 'photo', error: saved.error };
    }
    case 'upload-cv': {
      if (form.file?.kind !== 'cv') return { ok: false, section: 'cv', error: 'errors.chooseFile' };
      const saved = await saveCv(actor, form.file.bytes, form.file.name);
      return saved.ok ? { ok: true, done: 'cvSaved' } : { ok: false, section: 'cv', error: saved.error };
    }
    case 'remove-photo':
      await removePhoto(actor);
      return { ok: true, done: 'photoRemoved' };
    case 'remove-cv':
      await removeCv(actor);
      return { ok: true, done: 'cvRemoved' };
    default:
      return null;
  }
}
