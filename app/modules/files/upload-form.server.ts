import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node';
import { readForm } from '~/modules/forms/read-form.server';
import { CV_MAX_BYTES, PHOTO_MAX_BYTES, type FileKind } from './limits';

export type UploadedFile = { kind: FileKind; bytes: Uint8Array; name: string };

export type UploadForm = {
  intent: string | null;
  /** The chosen file; null when none was chosen (a browser sends an empty part then). */
  file: UploadedFile | null;
  /** Set when the file passed its limit; its bytes were dropped. */
  tooLarge: FileKind | null;
};

/** File fields by name, with what each may weigh. Every other part is small text or refused. */
const FILE_FIELDS: Record<string, { kind: FileKind; maxBytes: number }> = {
  photo: { kind: 'photo', maxBytes: PHOTO_MAX_BYTES },
  cv: { kind: 'cv', maxBytes: CV_MAX_BYTES },
};
const MAX_TEXT_BYTES = 1024;
const MAX_PARTS = 8;
/**
 * A file over its limit is still read to the end (and thrown away), so that the browser, still
 * sending, gets the page with the message instead of a broken connection. Past this, the
 * sender is not a person choosing the wrong file, and the connection is simply closed.
 */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

class TooLarge extends Error {
  constructor(readonly kind: FileKind) {
    super('file too large');
  }
}

/**
 * Reads the page's forms: multipart with a file, or a plain form (the remove buttons). A file is
 * kept in memory up to its limit and no further; a larger one is answered with a message, not a
 * 500. Every part is consumed as it arrives, so nothing unread piles up. A body that is not a
 * form is a 400 (T15).
 */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get('Content-Type') ?? '')) {
    const form = await readForm(request);
    return { intent: text(form.get('intent')), file: null, tooLarge: null };
  }
  let parts = 0;
  let tooLarge: FileKind | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (++parts > MAX_PARTS) throw new Error('too many parts');
    const field = FILE_FIELDS[name];
    if (field && typeof filename === 'string') {
      const bytes = await collect(data, field.maxBytes, MAX_DRAIN_BYTES, () => new TooLarge(field.kind));
      if (bytes) return new File([bytes], filename, { type: 'application/octet-stream' });
      tooLarge = field.kind;
      return undefined;
    }
    const bytes = await collect(data, MAX_TEXT_BYTES, MAX_TEXT_BYTES, () => new Error('text part too large'));
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  };
  try {
    const form = await unstable_parseMultipartFormData(request, handler);
    if (tooLarge) return { intent: text(form.get('intent')), file: null, tooLarge };
    return { intent: text(form.get('intent')), file: await fileOf(form), tooLarge: null };
  } catch (error) {
    if (error instanceof TooLarge) return { intent: null, file: null, tooLarge: error.kind };
    throw new Response('Bad request', { status: 400 });
  }
}

/** The part's bytes, or null when it passed maxBytes (the rest read and dropped, up to stopAt). */
async function collect(data: AsyncIterable<Uint8Array>, maxBytes: number, stopAt: number, tooMuch: () => Error) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > stopAt) throw tooMuch();
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size <= maxBytes ? Buffer.concat(chunks) : null;
}

async function fileOf(form: FormData): Promise<UploadedFile | null> {
  for (const [name, field] of Object.entries(FILE_FIELDS)) {
    const value = form.get(name);
    if (value instanceof File && (value.size > 0 || value.name !== '')) {
      return { kind: field.kind, bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
    }
  }
  return null;
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : null);
