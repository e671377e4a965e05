import { randomUUID } from 'node:crypto';
import { connect, createDb, type Identity } from '../../app/platform/db/client.server';
import type { Sql } from '../../app/platform/db/client.server';
import { GENERATED_DOMAIN } from '../data/member';
import { figures, type Figures } from './stats';

/**
 * The sign-up storm (issue 6, acceptance 2 and 4): many distinct members sign up for one event
 * at the same moment, each through app.sign_up_for_event() as that member (claims, role
 * `authenticated`, the event's row lock), from a pool of connections as many app servers would
 * open. Afterwards the event must hold exactly its capacity confirmed, everyone else waitlisted
 * in arrival order (queue_no), and no call may have failed.
 */
export type StormResult = {
  signUps: number;
  capacity: number;
  connections: number;
  seconds: number;
  perSecond: number;
  latency: Figures;
  confirmed: number;
  waitlisted: number;
  errors: number;
  /** Every confirmed arrived before every waitlisted, and the waitlist positions answered are 1..n. */
  waitlistInOrder: boolean;
  /** The issue's target: exactly capacity confirmed, the rest waitlisted, no error. */
  correct: boolean;
};

export async function signUpStorm(
  sql: Sql,
  url: string,
  options: { signUps: number; capacity: number; connections: number; organizer: Identity; log?: (line: string) => void },
): Promise<StormResult> {
  const members = await sql`
    select u.id, u.email from auth.users u
    join app.user_roles r on r.user_id = u.id and r.role = 'member'
    where u.email like ${`%@${GENERATED_DOMAIN}`}
    order by u.id limit ${options.signUps}`;
  if (members.length < options.signUps) {
    throw new Error(`The storm needs ${options.signUps} generated members; the database has ${members.length}.`);
  }
  const eventId = randomUUID();
  await sql.begin(async (tx) => {
    await tx`
      insert into app.events (id, type, title_en, city_id, venue_address, starts_at, ends_at, time_zone, capacity,
        registration_opens_at, registration_closes_at, created_by)
      values (${eventId}, 'meeting', 'Benchmark: sign-up storm', 'warsaw', 'ul. Długa 1', now() + interval '7 days',
        now() + interval '7 days 2 hours', 'Europe/Warsaw', ${options.capacity}, now() - interval '1 minute',
        now() + interval '7 days', ${options.organizer.userId})`;
    await tx`insert into app.event_organizers (event_id, organizer_id) values (${eventId}, ${options.organizer.userId})`;
  });

  const pool = connect(url, { max: options.connections });
  const db = createDb(pool);
  try {
    // Open every connection first, so the storm measures sign-ups, not connecting.
    await Promise.all(Array.from({ length: options.connections }, () => pool`select 1`));
    const samples: number[] = [];
    const answers: { member: string; status?: string; position?: number | null; error?: string }[] = [];
    const started = performance.now();
    await Promise.all(members.map(async (m) => {
      const identity = { userId: m.id as string, email: m.email as string, aal: 'aal1' as const };
      const begun = performance.now();
      try {
        const answer = await db.asUser(identity, async (tx) =>
          (await tx`select app.sign_up_for_event(${eventId}) as r`)[0]!.r as { status: string; position: number | null });
        answers.push({ member: identity.userId, status: answer.status, position: answer.position });
      } catch (error) {
        answers.push({ member: identity.userId, error: error instanceof Error ? error.message : String(error) });
      }
      samples.push(performance.now() - begun);
    }));
    const wall = performance.now() - started;

    const [counts] = await sql`
      select count(*) filter (where status = 'confirmed')::int as confirmed,
             count(*) filter (where status = 'waitlisted')::int as waitlisted,
             coalesce(max(queue_no) filter (where status = 'confirmed') < min(queue_no) filter (where status = 'waitlisted'), true) as ordered
      from app.event_registrations where event_id = ${eventId}`;
    const errors = answers.filter((a) => a.error);
    if (errors.length > 0) options.log?.(`storm: ${errors.length} errors, first: ${errors[0]!.error}`);
    const positions = answers.filter((a) => a.status === 'waitlisted').map((a) => a.position!).sort((a, b) => a - b);
    const positionsOk = positions.every((p, i) => p === i + 1);
    const confirmed = counts!.confirmed as number;
    const waitlisted = counts!.waitlisted as number;
    const waitlistInOrder = Boolean(counts!.ordered) && positionsOk;
    const seconds = wall / 1000;
    return {
      signUps: options.signUps,
      capacity: options.capacity,
      connections: options.connections,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round(options.signUps / seconds),
      latency: figures(samples, wall),
      confirmed,
      waitlisted,
      errors: errors.length,
      waitlistInOrder,
      correct: confirmed === options.capacity && waitlisted === options.signUps - options.capacity && errors.length === 0 && waitlistInOrder,
    };
  } finally {
    await pool.end({ timeout: 5 });
    // The storm's event goes; its registrations with it (it never started, so no place is promoted).
    await sql`delete from app.events where id = ${eventId}`;
  }
}
