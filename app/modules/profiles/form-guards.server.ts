/**
 * Checks on a posted form beyond its schema, for forms with lists of rows. Each refusal is a 400:
 * only a hand-made request gets there.
 */

const badRequest = () => new Response('Bad request', { status: 400 });

/**
 * A list of rows that came back as something else (`skills=abc`, `skills[0]=abc`) cannot be shown
 * again as rows; no form of ours sends it, so it is a bad request rather than a form to correct.
 */
export function refuseMisshapenRows(payload: Record<string, unknown>, list: string | undefined) {
  if (!list || payload[list] === undefined) return;
  const rows = payload[list];
  const isRow = (row: unknown) => row === undefined || (typeof row === 'object' && row !== null && !Array.isArray(row));
  if (!Array.isArray(rows) || !rows.every(isRow)) throw badRequest();
}
