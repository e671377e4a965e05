import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createDb, type Db, type Sql } from '../../app/platform/db/client.server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createEvent, eventInput, organizer, signUp, type Who } from './events-world';

/**
 * The concurrency proof (issue 5, acceptance 4; SECURITY T9): capacity + 50 sign-ups from
 * distinct members, fired at once over 25 connections, 20 rounds with fresh events. Every round:
 * exactly `capacity` confirmed, the other 50 waitlisted at positions 1..50 in the order they
 * got their queue number, no error.
 */
let t: TestDatabase;
let pool: Sql;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  pool = connect(t.url, { max: 25 });
  db = createDb(pool);
});
afterAll(async () => {
  await pool.end({ timeout: 5 });
  await t.drop();
});

const ROUNDS = 20;
const EXTRA = 50;

/** Many members at once, written in one statement (the trigger gives each a profile and the member role). */
async function members(count: number): Promise<Who[]> {
  const rows = await t.sql`
    insert into auth.users (id, aud, role, email, email_confirmed_at, created_at, updated_at)
    select gen_random_uuid(), 'authenticated', 'authenticated', 'load-' || gen_random_uuid() || '@example.org', now(), now(), now()
    from generate_series(1, ${count})
    returning id, email`;
  return rows.map((row) => ({ userId: row.id as string, email: row.email as string, aal: 'aal1' as const }));
}

describe('parallel sign-ups', () => {
  it(`never overbook: ${ROUNDS} rounds of capacity + ${EXTRA} sign-ups at once`, { timeout: 60_000 }, async () => {
    const boss = await organizer(t.sql);
    const started = Date.now();
    let maxSeenBackends = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const capacity = 1 + ((round * 7) % 13);
      const event = await createEvent(t.db, boss, eventInput({ capacity }));
      const people = await members(capacity + EXTRA);
      const answers = await Promise.all(
        people.map((person) =>
          signUp(db, person, event).then(async (answer) => {
            const [seen] = await pool`select count(*)::int as n from pg_stat_activity where datname = current_database()`;
            maxSeenBackends = Math.max(maxSeenBackends, seen!.n as number);
            return answer;
          }),
        ),
      );
      expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(capacity);
      expect(answers.filter((a) => a.status === 'waitlisted')).toHaveLength(EXTRA);

      const rows = await t.sql`
        select r.status::text as status, app.waitlist_position(r.id) as position
        from app.event_registrations r where r.event_id = ${event} order by r.queue_no`;
      expect(rows).toHaveLength(capacity + EXTRA);
      expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(capacity);
      // Arrival order: the first `capacity` queue numbers hold the places, the rest wait 1..50.
      expect(rows.slice(0, capacity).every((r) => r.status === 'confirmed')).toBe(true);
      expect(rows.slice(capacity).map((r) => r.position)).toEqual(Array.from({ length: EXTRA }, (_, i) => i + 1));
      const positions = answers.filter((a) => a.status === 'waitlisted').map((a) => a.position).sort((x, y) => x! - y!);
      expect(positions).toEqual(Array.from({ length: EXTRA }, (_, i) => i + 1));
    }
    // The sign-ups really overlapped: many connections were busy at once.
    expect(maxSeenBackends).toBeGreaterThanOrEqual(20);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
