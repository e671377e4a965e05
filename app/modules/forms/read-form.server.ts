import { parseWithZod } from '@conform-to/zod';
import type { ZodTypeAny } from 'zod';

/**
 * Reading a posted form. A body that is not a form (another content type, a multipart without a
 * boundary) or that puts text into conform's reserved fields (`__intent__`, `__state__`, which it
 * parses as JSON) is bad input: a 400, never a 500 (T15).
 */

export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw badRequest();
  }
}

/** The form parsed against the route's schema (the same one the browser uses). */
export async function parseForm<Schema extends ZodTypeAny>(request: Request, schema: Schema) {
  const form = await readForm(request);
  try {
    return parseWithZod(form, { schema });
  } catch {
    throw badRequest();
  }
}

const badRequest = () => new Response('Bad request', { status: 400 });
