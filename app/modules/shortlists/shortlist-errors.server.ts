/**
 * What the shortlist functions in SQL refused, as a translation key of the `shortlists`
 * namespace and an HTTP status. Every refusal there carries a hint `shortlists:<key>`; an error
 * without one is not a refusal and is rethrown (a bug, not bad input).
 */
export type ShortlistFailure = { ok: false; error: string; status: 400 | 403 | 404 | 409 };
export type Outcome<T = undefined> = ({ ok: true } & (T extends undefined ? object : { value: T })) | ShortlistFailure;

const STATUS: Record<string, ShortlistFailure['status']> = {
  'errors.listNotFound': 404,
  'errors.memberNotFound': 404,
  'errors.forbidden': 403,
  'errors.secondFactorNeeded': 403,
  'errors.nameRequired': 400,
  'errors.nameTooLong': 400,
  'errors.noteTooLong': 400,
};

export function readShortlistFailure(error: unknown): ShortlistFailure | null {
  const hint = (error as { hint?: unknown } | null)?.hint;
  if (typeof hint !== 'string' || !hint.startsWith('shortlists:')) return null;
  const key = hint.slice('shortlists:'.length);
  return { ok: false, error: key, status: STATUS[key] ?? 409 };
}

/** Runs a database call; a refusal becomes a failure, anything else is rethrown. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | ShortlistFailure> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const failure = readShortlistFailure(error);
    if (!failure) throw error;
    return failure;
  }
}
