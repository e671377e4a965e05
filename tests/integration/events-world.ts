import type { JSONValue } from 'postgres';
import type { Identity, Sql, Db } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { giveVerifiedFactor } from '../support/second-factor';

/**
 * Shared steps of the events-* tests: an organizer who works with a second factor, event input
 * as the editor sends it, and the registration functions called as each actor.
 */
export type Who = Pick<Identity, 'userId' | 'email' | 'aal'>;

export async function organizer(sql: Sql, displayName?: string) {
  const person = await createUser(sql, { roles: ['organizer'], displayName });
  await giveVerifiedFactor(sql, person.userId);
  return person;
}

export const member = (sql: Sql, displayName?: string) => createUser(sql, { displayName });

const hour = 3600_000;

/** Editor input for an in-person event in Warsaw, starting in two days, open for sign-up now. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  const starts = new Date(Date.now() + 48 * hour);
  return {
    type: 'meeting',
    titles: { en: 'Volunteers meet', be: 'Сустрэча валанцёраў' },
    descriptions: { en: 'Planning the spring.' },
    cityId: 'warsaw',
    online: false,
    venueAddress: 'ul. Tajna 1, Warszawa',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * hour).toISOString(),
    timeZone: 'Europe/Warsaw',
    capacity: 3,
    approvalRequired: false,
    skills: [],
    visibility: 'members',
    ...overrides,
  };
}

export function createEvent(db: Db, who: Who, input: Record<string, unknown> = eventInput()) {
  return db.asUser(who, async (tx) => {
    const [row] = await tx`select app.create_event(${tx.json(input as JSONValue)}::jsonb) as id`;
    return row!.id as string;
  });
}

export type Answer = { registrationId: string | null; status: string | null; position: number | null; created?: boolean; changed?: boolean; promoted?: number };

export const signUp = (db: Db, who: Who, event: string) =>
  db.asUser(who, async (tx) => (await tx`select app.sign_up_for_event(${event}::uuid) as a`)[0]!.a as Answer);

export const cancel = (db: Db, who: Who, event: string) =>
  db.asUser(who, async (tx) => (await tx`select app.cancel_registration(${event}::uuid) as a`)[0]!.a as Answer);

export const updateEvent = (db: Db, who: Who, event: string, input: Record<string, unknown>) =>
  db.asUser(who, async (tx) => (await tx`select app.update_event(${event}::uuid, ${tx.json(input as JSONValue)}::jsonb) as a`)[0]!.a as { promoted: number });

export const viewEvent = (db: Db, who: Who, event: string) =>
  db.asUser(who, async (tx) => (await tx`select app.event_for_viewer(${event}::uuid) as a`)[0]!.a as Record<string, unknown> | null);

/** The database error a call raised (code and hint), or null when it went through. */
export async function refusal(call: Promise<unknown>) {
  try {
    await call;
    return null;
  } catch (error) {
    const pg = error as { code?: string; hint?: string };
    return { code: pg.code, hint: pg.hint };
  }
}
