import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Sql } from '../../app/platform/db/client.server';
import { createUser } from '../support/factories';
import { createClient, signInAs, type HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';
import { createEvent } from './events-world';

/**
 * T11 against every route that has an action, found by reading app/routes (a new action route is
 * covered without touching this file): a write from another site, or one that names no origin at
 * all, is 403 and changes nothing; a write whose only sign of origin is our own Referer goes
 * through; and a GET, whatever its query says, changes nothing either.
 */

const running = useSelfHostedApp();
const sql = () => running.database.sql;

/** The refusal of server/security.ts, told apart from a route's own 403. */
const CSRF_REFUSAL = 'Forbidden: cross-site request';

const ROUTES_DIR = path.resolve('app/routes');
const ACTION_EXPORT = /export\s+(async\s+function\s+action\b|const\s+action\b|function\s+action\b|\{[^}]*\baction\b[^}]*\})/;

/** Route modules (flat routes) that export an action. */
const actionRoutes = readdirSync(ROUTES_DIR)
  .filter((file) => /\.(tsx|ts)$/.test(file) && !/\.test\.tsx?$/.test(file))
  .filter((file) => ACTION_EXPORT.test(readFileSync(path.join(ROUTES_DIR, file), 'utf8')))
  .sort();

const ids: Record<string, string> = { $id: '00000000-0000-4000-8000-000000000000', $step: 'identity' };

/** The URL a flat route file answers: dots are slashes, `_index` is the folder, `$param`s filled in. */
function urlOf(file: string) {
  const segments = file.replace(/\.(tsx|ts)$/, '').split('.').filter((segment) => segment !== '_index');
  return `/${segments.map((segment) => (segment.startsWith('$') ? (ids[segment] ?? 'x') : segment)).join('/')}`;
}

/** Everything a write could touch, as one fingerprint per table (audit and job bookkeeping excluded, see below). */
async function fingerprint(db: Sql) {
  const tables = await db`
    select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and (n.nspname = 'app' or (n.nspname = 'auth' and c.relname in ('users', 'identities', 'mfa_factors')))
    order by 1`;
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const skipped = (REMEMBERED_ON_READ[name] ?? []).map((column) => ` - '${column}'`).join('');
    const [row] = await db.unsafe(`
      select count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(t)${skipped})::text, '|' order by (to_jsonb(t)${skipped})::text)), '') as print
      from ${name} t`);
    prints[name] = row!.print as string;
  }
  const [sessions] = await db`select count(*)::int as n from auth.sessions`;
  prints['auth.sessions (count)'] = String(sessions!.n);
  return prints;
}

/**
 * Columns a page view may set: the language a member last used, so that later mails speak it
 * (app.remember_my_language, migration 20261129021200). Not a write anyone could abuse.
 */
const REMEMBERED_ON_READ: Record<string, string[]> = { 'app.profiles': ['language'] };

/**
 * Reading may leave these behind, by design: a profile view or search by an organizer is audited
 * and counted against the quota (T1, T3). The app's background jobs (JOBS=on) log their runs in
 * app.job_runs whenever they fire, whatever the requests. Nothing else may change on a GET.
 */
const WRITTEN_BY_READS = new Set(['app.audit_events', 'app.job_runs']);

const withoutReads = (prints: Record<string, string>) =>
  Object.fromEntries(Object.entries(prints).filter(([name]) => !WRITTEN_BY_READS.has(name)));

let member: HttpClient;
let powerful: HttpClient;

beforeAll(async () => {
  const person = await createUser(sql());
  member = await signInAs(running.app.url, person.email, { language: 'en' });
  const boss = await createUser(sql(), { roles: ['organizer', 'admin'] });
  await sql()`update app.user_roles set granted_at = now() - interval '31 days' where user_id = ${boss.userId}`;
  const secret = await giveVerifiedFactor(sql(), boss.userId);
  powerful = await signInWithSecondFactor(running.app.url, boss.email, secret, { language: 'en' });
  // Real ids, so that loaders and actions get past "not found" and reach their real work.
  ids.$id = await createEvent(running.database.db, boss);
  await sql()`insert into app.shortlists (organizer_id, name) values (${boss.userId}, 'Translators')`;
});

test('the route list is read from app/routes and holds the known action routes', () => {
  expect(actionRoutes.length).toBeGreaterThanOrEqual(30);
  for (const known of ['sign-in.tsx', 'sign-out.tsx', 'account.hide.tsx', 'account.delete.tsx', 'admin._index.tsx', 'events.$id._index.tsx']) {
    expect(actionRoutes).toContain(known);
  }
  expect(urlOf('events.$id._index.tsx')).toBe(`/events/${ids.$id}`);
  expect(urlOf('account.profile.$step.tsx')).toBe('/account/profile/identity');
});

describe.each(actionRoutes)('the action of %s', (file) => {
  const post = (client: HttpClient, headers: Record<string, string>) =>
    fetch(new URL(urlOf(file), client.origin), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: ['talaka_session', 'lng'].flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : [])).join('; '),
        ...headers,
      },
      body: new URLSearchParams({ intent: 'delete', everywhere: '1', confirm: '1', decision: 'approve' }),
    });

  test('refuses a POST from another site, or from nowhere, with 403, changing nothing', async () => {
    const before = await fingerprint(sql());
    for (const client of [member, powerful]) {
      const attempts: Array<Record<string, string>> = [
        { Origin: 'https://evil.example' },
        { Origin: 'null' },
        { Origin: 'https://evil.example', Referer: `${client.origin}/account` },
        { Referer: 'https://evil.example/page' },
        {},
        { 'Sec-Fetch-Site': 'cross-site', Referer: `${client.origin}/account` },
      ];
      for (const headers of attempts) {
        const response = await post(client, headers);
        expect(response.status, JSON.stringify(headers)).toBe(403);
        expect(await response.text()).toBe(CSRF_REFUSAL);
      }
    }
    expect(await fingerprint(sql())).toEqual(before);
  });

  test('lets a POST through when its only sign of origin is a same-origin Referer', async () => {
    const visitor = createClient(running.app.url);
    const response = await post(visitor, { Referer: `${visitor.origin}${urlOf(file)}` });
    const body = await response.text();
    expect(response.status === 403 && body === CSRF_REFUSAL, `${response.status} ${body.slice(0, 80)}`).toBe(false);
  });
});

describe('a GET changes nothing', () => {
  const hostile = '?intent=delete&everywhere=1&confirm=1&decision=approve&action=hide&hidden=1&status=accepted&_action=delete';

  test.each(['member', 'organizer and admin with the second factor'])('on any action route, whatever its query says, as %s', async (who) => {
    const client = who === 'member' ? member : powerful;
    for (const file of actionRoutes) {
      const before = withoutReads(await fingerprint(sql()));
      const response = await client.get(`${urlOf(file)}${hostile}`);
      expect(response.status, file).toBeLessThan(500);
      expect(withoutReads(await fingerprint(sql())), `GET ${urlOf(file)}${hostile}`).toEqual(before);
    }
    expect((await client.get('/account')).status, 'still signed in').toBe(200);
  });
});
