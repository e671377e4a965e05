/**
 * What the event functions in SQL refused, as a key of the `events` namespace and an HTTP
 * status. Every refusal there carries a hint `events:errors.<key>` (see the migration headers
 * of 20261129030000–030200); an error without one is not a refusal and is rethrown (a bug, not
 * bad input).
 */
export type EventFailure = { ok: false; error: string; status: 400 | 403 | 404 | 409 };

const STATUS: Record<string, EventFailure['status']> = {
  'errors.forbidden': 403,
  'errors.secondFactorNeeded': 403,
  'errors.notFound': 404,
  'errors.registrationNotFound': 404,
  'errors.registrationClosed': 409,
  'errors.eventCancelled': 409,
  'errors.capacityBelowConfirmed': 409,
};

export function readEventFailure(error: unknown): EventFailure | null {
  const hint = (error as { hint?: unknown } | null)?.hint;
  if (typeof hint !== 'string' || !hint.startsWith('events:')) return null;
  const key = hint.slice('events:'.length);
  return { ok: false, error: key, status: STATUS[key] ?? 400 };
}

/** Runs a database call; a refusal becomes a failure, anything else is rethrown. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | EventFailure> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const failure = readEventFailure(error);
    if (!failure) throw error;
    return failure;
  }
}
