import { json } from '@remix-run/node';
import { parseForm } from '~/modules/forms/read-form.server';
import type { EventFailure } from './event-errors.server';
import { EventFormSchema, toEventInput, type EventInput } from './event-schema';

/**
 * The editor's action, shared by /events/new and /events/:id/edit: the form is checked with the
 * zod schema, then the SQL checks it again. A refusal from SQL is shown at its field when it has
 * one (capacity below the confirmed count at the capacity field), otherwise above the form;
 * either way the typed values come back (conform's reply carries them).
 */

const FIELD_OF: Record<string, string> = {
  'errors.capacityBelowConfirmed': 'capacity',
  'errors.capacity': 'capacity',
  'errors.titleMissing': 'titleBe',
  'errors.titleLength': 'titleBe',
  'errors.descriptionLength': 'descriptionBe',
  'errors.date': 'startsAt',
  'errors.endBeforeStart': 'endsAt',
  'errors.registrationWindow': 'registrationClosesAt',
  'errors.city': 'cityId',
  'errors.venueLength': 'venueAddress',
  'errors.onlineUrl': 'onlineUrl',
  'errors.timeZone': 'timeZone',
  'errors.skills': 'skills',
  'errors.visibility': 'visibility',
  'errors.type': 'type',
};

/** Checks the posted editor form and runs `save` on it; a reply for the page when it fails. */
export async function handleEditorPost<T>(request: Request, save: (input: EventInput) => Promise<{ ok: true; value: T } | EventFailure>) {
  const submission = await parseForm(request, EventFormSchema);
  if (submission.status !== 'success') {
    return { ok: false as const, response: json({ result: submission.reply(), error: null as string | null }, { status: 400 }) };
  }
  const outcome = await save(toEventInput(submission.value));
  if (outcome.ok) return { ok: true as const, value: outcome.value };
  if (outcome.status === 403 || outcome.status === 404) throw new Response(outcome.status === 403 ? 'Forbidden' : 'Not found', { status: outcome.status });
  const field = FIELD_OF[outcome.error];
  const result = field ? submission.reply({ fieldErrors: { [field]: [outcome.error] } }) : submission.reply();
  return { ok: false as const, response: json({ result, error: field ? null : outcome.error }, { status: outcome.status }) };
}
