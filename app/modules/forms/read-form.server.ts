import { parseWithZod } from '@conform-to/zod';
import type { ZodErrorMap, ZodTypeAny } from 'zod';

/**
 * Reading a posted form. A body that is not a form (another content type, a multipart without a
 * boundary) or that puts text into conform's reserved fields (`__intent__`, `__state__`, which it
 * parses as JSON) is bad input: a 400, never a 500 (T15).
 */

export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badRequest();
  }
  refuseHostileNames(form);
  return form;
}

/**
 * Field names conform would choke on when it reads the form or shows it again: a list row
 * numbered in the millions (`email[10000000]`, in a name or in a list button's intent) becomes a
 * list that long, and building, checking and showing it would take the server down; `constructor`
 * or `__proto__` as a path segment throws while rendering. No form of ours sends either.
 */
const MOST_ROWS = 100;
const OBJECT_KEYS = /(^|[.[\]"])(__proto__|constructor|prototype)($|[.[\]"])/;

function refuseHostileNames(form: FormData) {
  for (const [name, value] of form.entries()) {
    const text = typeof value === 'string' && name === '__intent__' ? `${name}${value}` : name;
    const tooMany = [...text.matchAll(/\[(\d+)\]/g)].some(([, index]) => Number(index) >= MOST_ROWS);
    if (tooMany || OBJECT_KEYS.test(text)) throw badRequest();
  }
}

/**
 * zod's own messages are English sentences, not our translation keys. Every rule a form knows of
 * carries its own key; what a real form cannot send (a field twice, so a list where one value
 * belongs; a type no control produces) gets this one, so the page stays in the reader's language.
 */
const UNEXPECTED_VALUE = 'common:errors.invalidValue';
/** `errors.emailInvalid`, `validation.passwordsDiffer`, `common:errors.x`: ours. zod's sentences have spaces. */
const TRANSLATION_KEY = /^[\w-]+(:[\w-]+)?(\.[\w-]+)+$/;

/** Runs after the schema's own messages (zod applies the parse-time map last): keeps ours, replaces zod's. */
const keepKeysOnly: ZodErrorMap = (_issue, context) => ({
  message: TRANSLATION_KEY.test(context.defaultError) ? context.defaultError : UNEXPECTED_VALUE,
});

/** The form parsed against the route's schema (the same one the browser uses). */
export async function parseForm<Schema extends ZodTypeAny>(request: Request, schema: Schema) {
  const form = await readForm(request);
  try {
    return parseWithZod(form, { schema, errorMap: keepKeysOnly });
  } catch {
    throw badRequest();
  }
}

const badRequest = () => new Response('Bad request', { status: 400 });
