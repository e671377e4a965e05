import { randomUUID } from 'node:crypto';
import type { Identity, Sql } from '../../app/platform/db/client.server';

/**
 * The organizers the benchmark searches as: real accounts with the organizer role, acting with
 * a second factor (aal2), so power check, quota, audit and RLS all run as in production. The
 * search quota of the bench database is raised so that thousands of calls fit in an hour; it is
 * never changed anywhere else. Each run signs up fresh organizers, so the quota count (read from
 * the audit trail) starts small, as for a real organizer.
 */
export const BENCH_DOMAIN = 'bench.talaka.invalid';

export async function prepareOrganizers(sql: Sql, count: number): Promise<Identity[]> {
  await sql`update app.quota_limits set "limit" = 1000000000 where action in ('search', 'talent_map', 'profile_view')`;
  const organizers: Identity[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const email = `organizer-${id.slice(0, 8)}@${BENCH_DOMAIN}`;
    // Granted 60 days ago: past probation, so the quota is not halved.
    await sql`insert into auth.users (id, aud, role, email, email_confirmed_at, created_at, updated_at)
              values (${id}, 'authenticated', 'authenticated', ${email}, now(), now(), now())`;
    await sql`insert into app.user_roles (user_id, role, granted_at) values (${id}, 'organizer', now() - interval '60 days')`;
    organizers.push({ userId: id, email, aal: 'aal2', roles: ['member', 'organizer'] });
  }
  return organizers;
}

/** Removes the organizers of earlier runs (their audit rows stay, without an actor). */
export async function dropOrganizers(sql: Sql) {
  await sql`delete from auth.users where email like ${`%@${BENCH_DOMAIN}`}`;
}
