/**
 * What the saved-search functions in SQL refused, as a key of the `savedSearches` namespace and
 * an HTTP status. Every refusal there carries a hint `savedSearches:<key>`; an error without one
 * is not a refusal and is rethrown (a bug, not bad input).
 */
export type SavedSearchFailure = { ok: false; error: string; status: 400 | 403 | 404 | 409 };

const STATUS: Record<string, SavedSearchFailure['status']> = {
  'errors.forbidden': 403,
  'errors.secondFactorNeeded': 403,
  'errors.nameLength': 400,
  'errors.filtersInvalid': 400,
  'errors.tooMany': 409,
};

export function readSavedSearchFailure(error: unknown): SavedSearchFailure | null {
  const hint = (error as { hint?: unknown } | null)?.hint;
  if (typeof hint !== 'string' || !hint.startsWith('savedSearches:')) return null;
  const key = hint.slice('savedSearches:'.length);
  return { ok: false, error: key, status: STATUS[key] ?? 409 };
}

/** Runs a database call; a refusal becomes a failure, anything else is rethrown. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | SavedSearchFailure> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const failure = readSavedSearchFailure(error);
    if (!failure) throw error;
    return failure;
  }
}
