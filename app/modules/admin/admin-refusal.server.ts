/**
 * The admin SQL functions explain a refusal with a hint `admin:<key>` (a key of the `admin`
 * namespace). Those become a translated message; anything else is a real failure and is thrown.
 */
export function adminRefusalKey(error: unknown): string {
  const hint = (error as { hint?: unknown })?.hint;
  if (typeof hint === 'string' && hint.startsWith('admin:')) return hint.slice('admin:'.length);
  throw error;
}

/** Runs an admin write; a refusal the database explains comes back as `{ ok: false, error }`. */
export async function asAdminOutcome<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: adminRefusalKey(error) };
  }
}
