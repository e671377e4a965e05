import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rateLimitCleanupJob } from '../../app/platform/rate-limit/cleanup-job.server';
import { takeAttempt } from '../../app/platform/rate-limit/rate-limit.server';
import { startApp, type AppServer } from '../support/app-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createClient, decodeHtml, translation } from '../support/http-client';

/**
 * Issue 7, acceptance 3 (ADR 026): limits live in Postgres (app.hit_rate_limit), so every app
 * instance shares them; answers slow down, then a translated 429 with Retry-After that reads
 * the same whichever limit fired and whether or not the account exists; the client address is
 * the socket's unless the peer is a trusted proxy, so a forged X-Forwarded-For changes nothing.
 * The HTTP apps run with limits lowered through RATE_LIMITS, the real mechanism at small numbers.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const hit = async (key: string, limit: number, cost = 1, bucket = 'test-bucket') => {
  const [row] = await database.sql`select * from app.hit_rate_limit(${bucket}, ${key}, ${limit}::int, 900, ${cost}::int)`;
  return row as { verdict: string; delay_ms: number; retry_after_seconds: number };
};

describe('app.hit_rate_limit', () => {
  test('allows, then slows down with a growing delay, then refuses with a wait; refusals are not counted', async () => {
    const key = `k-${crypto.randomUUID()}`;
    const verdicts = [];
    for (let i = 0; i < 7; i++) verdicts.push(await hit(key, 6));
    expect(verdicts.map((v) => v.verdict)).toEqual(['allowed', 'allowed', 'allowed', 'delay', 'delay', 'delay', 'refused']);
    expect(verdicts.slice(3, 6).map((v) => v.delay_ms)).toEqual([250, 500, 1000]);
    expect(verdicts[6]!.retry_after_seconds).toBeGreaterThan(0);
    const [row] = await database.sql`select hits from app.rate_limit_counters where bucket = 'test-bucket' order by hits desc limit 1`;
    expect(row!.hits).toBe(6);
  });

  test('a given-back attempt makes room again; cost 0 only looks', async () => {
    const key = `k-${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await hit(key, 3);
    expect((await hit(key, 3)).verdict).toBe('refused');
    await hit(key, 3, -1);
    expect((await hit(key, 3, 0)).verdict).toBe('allowed');
    expect((await hit(key, 3)).verdict).not.toBe('refused');
  });

  test('keys are stored only as HMAC hashes: no address or e-mail in clear', async () => {
    await hit('203.0.113.7', 5, 1, 'sign-in-address');
    await hit('someone@example.org', 5, 1, 'sign-in-account');
    const rows = await database.sql`select bucket, encode(key_hash, 'hex') as hash, key_hash::text as raw from app.rate_limit_counters`;
    for (const row of rows) {
      expect(row.hash).toHaveLength(64);
      expect(JSON.stringify(row)).not.toMatch(/203\.0\.113\.7|someone@example\.org|cb00710007/);
    }
  });

  test('is system only: authenticated and anon cannot call it or read the counters', async () => {
    for (const role of ['authenticated', 'anon']) {
      await expect(
        database.sql.begin(async (tx) => {
          await tx.unsafe(`set local role ${role}`);
          await tx`select * from app.hit_rate_limit('x', 'y', 1, 60)`;
        }),
      ).rejects.toThrow(/permission denied/);
      await expect(
        database.sql.begin(async (tx) => {
          await tx.unsafe(`set local role ${role}`);
          await tx`select * from app.rate_limit_counters`;
        }),
      ).rejects.toThrow(/permission denied/);
    }
  });

  test('the rate-limit-cleanup job removes counters whose windows both ended', async () => {
    await hit(`old-${crypto.randomUUID()}`, 5, 1, 'old-bucket');
    await database.sql`update app.rate_limit_counters set window_start = now() - interval '1 hour' where bucket = 'old-bucket'`;
    const job = rateLimitCleanupJob();
    expect(job.name).toBe('rate-limit-cleanup');
    const lines: string[] = [];
    await job.run({ sql: database.sql, log: (line) => lines.push(line) });
    expect(await database.sql`select 1 from app.rate_limit_counters where bucket = 'old-bucket'`).toHaveLength(0);
    expect(await database.sql`select 1 from app.rate_limit_counters where bucket = 'test-bucket'`).not.toHaveLength(0);
    expect(lines.join('\n')).not.toMatch(/@|\d+\.\d+\.\d+\.\d+/);
  });

  test('two app instances share one count (the limit is in the database, not in a process)', async () => {
    const overrides = { 'contact-organizer': { limit: 2, windowSeconds: 60 } } as const;
    const organizer = crypto.randomUUID();
    const instanceA = await takeAttempt([{ bucket: 'contact-organizer', key: organizer }], { sql: database.sql, overrides });
    const instanceB = await takeAttempt([{ bucket: 'contact-organizer', key: organizer }], { sql: database.sql, overrides });
    const third = await takeAttempt([{ bucket: 'contact-organizer', key: organizer }], { sql: database.sql, overrides });
    expect([instanceA.ok, instanceB.ok, third.ok]).toEqual([true, true, false]);
    if (!third.ok) expect(third.retryAfterSeconds % 60).toBe(0);
  });
});

describe('over HTTP, with limits lowered and no trusted proxy', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({
      env: {
        DATABASE_URL: database.url,
        TRUSTED_PROXIES: 'none',
        RATE_LIMITS: 'sign-in-account=4/900,sign-in-address=8/900',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  const signIn = (email: string, password: string, headers: Record<string, string> = {}, language = 'en') =>
    createClient(app.url, { headers: { 'Accept-Language': language } }).postForm('/sign-in', { email, password }, { headers });

  test('a known and an unknown account are refused alike after the same failures, with a translated 429', async () => {
    const { email: known } = await createUser(database.sql);
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const statuses = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 5; i++) {
      statuses.known.push((await signIn(known, 'wrong password here', { 'X-Forwarded-For': `198.51.100.${i}` })).status);
      statuses.unknown.push((await signIn(unknown, 'wrong password here', { 'X-Forwarded-For': `198.51.100.${i + 100}` })).status);
    }
    expect(statuses.known).toEqual([400, 400, 400, 400, 429]);
    expect(statuses.unknown).toEqual(statuses.known);

    // Even the right password is refused now, and the answer does not say which limit fired.
    for (const language of ['be', 'en', 'pl'] as const) {
      const page = await signIn(known, TEST_PASSWORD, {}, language);
      expect(page.status).toBe(429);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(decodeHtml(page.body)).toContain(translation(language, 'auth:errors.tooManyAttempts'));
    }
  });

  test('a forged X-Forwarded-For does not escape the per-address limit: different forged addresses share one count', async () => {
    // The first test spent 8 failed attempts of this address (8/900) under forged headers.
    const fresh = await createUser(database.sql);
    const page = await signIn(fresh.email, 'wrong password here', { 'X-Forwarded-For': '192.0.2.200' });
    expect(page.status).toBe(429);
    const again = await signIn(fresh.email, TEST_PASSWORD, { 'X-Forwarded-For': '192.0.2.201, 192.0.2.202' });
    expect(again.status).toBe(429);
  });
});

describe('over HTTP, behind a trusted proxy on loopback', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({
      env: { DATABASE_URL: database.url, TRUSTED_PROXIES: 'loopback', RATE_LIMITS: 'sign-in-address=3/900' },
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  test('the forwarded client address counts: one client is refused, another behind the same proxy is not', async () => {
    await database.sql`delete from app.rate_limit_counters`;
    const from = (address: string, email: string, password = 'wrong password here') =>
      createClient(app.url).postForm('/sign-in', { email, password }, { headers: { 'X-Forwarded-For': address } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await from('198.51.100.50', `probe-${i}@example.org`)).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const other = await createUser(database.sql);
    expect((await from('198.51.100.51', other.email, TEST_PASSWORD)).status).toBe(302);
  });

  test('a successful sign-in gives its attempts back: members who sign in often never meet the limit', async () => {
    const member = await createUser(database.sql);
    for (let i = 0; i < 6; i++) {
      const page = await createClient(app.url).postForm('/sign-in', { email: member.email, password: TEST_PASSWORD }, { headers: { 'X-Forwarded-For': '198.51.100.60' } });
      expect(page.status).toBe(302);
    }
  });
});
