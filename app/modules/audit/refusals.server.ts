/**
 * Why an organizer function refused, read from the database error: SQLSTATE 42501 (no power:
 * not an organizer, or no second factor in this session) or check_violation with a hint
 * 'quota:<action>' (the quota of that action is used up).
 */
export type Refusal = { kind: 'quota'; action: string } | { kind: 'power' };

export class OrganizerRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind === 'quota' ? `quota for ${refusal.action} used up` : 'organizer power needed');
    this.name = 'OrganizerRefusal';
  }
}

export function readRefusal(error: unknown): Refusal | null {
  const pg = error as { code?: string; hint?: string };
  if (pg?.code === '42501') return { kind: 'power' };
  if (pg?.code === '23514' && typeof pg.hint === 'string' && pg.hint.startsWith('quota:')) {
    return { kind: 'quota', action: pg.hint.slice('quota:'.length) };
  }
  return null;
}
