import type { Sql } from '../db/client.server';
import { runtime } from '../runtime.server';
import { ruleFor, type RateLimitBucket, type RateLimitOverrides } from './rules';

/**
 * Takes one attempt from several rate-limit buckets at once (say, an account's and a client
 * address's) through app.hit_rate_limit on the system connection, so every app instance counts
 * in the same rows. Refused by any bucket: the attempts the others counted are given back and
 * the caller answers 429 — the same answer whichever bucket refused and whether or not an
 * account exists. Slowed down by any: this waits the longest delay before going on.
 */

export type RateLimitHit = { bucket: RateLimitBucket; key: string };

export type Attempt =
  | { ok: true; /** Gives the attempts back, e.g. after a successful sign-in. */ giveBack(): Promise<void> }
  | { ok: false; retryAfterSeconds: number };

type Verdict = { verdict: 'allowed' | 'delay' | 'refused'; delay_ms: number; retry_after_seconds: number };

export async function takeAttempt(hits: RateLimitHit[], options: { sql?: Sql; overrides?: RateLimitOverrides } = {}): Promise<Attempt> {
  const sql = options.sql ?? runtime().db.system;
  const overrides = options.overrides ?? runtime().config.rateLimits;
  const hit = async ({ bucket, key }: RateLimitHit, cost: 1 | -1) => {
    const { limit, windowSeconds } = ruleFor(bucket, overrides);
    const [row] = await sql<Verdict[]>`
      select verdict, delay_ms, retry_after_seconds
      from app.hit_rate_limit(${bucket}, ${key}, ${limit}::int, ${windowSeconds}::int, ${cost}::int)`;
    return row!;
  };
  const giveBack = async (counted: RateLimitHit[]) => {
    for (const each of counted) await hit(each, -1);
  };

  const verdicts = [] as Array<{ hit: RateLimitHit; verdict: Verdict }>;
  for (const each of hits) verdicts.push({ hit: each, verdict: await hit(each, 1) });

  const refused = verdicts.filter(({ verdict }) => verdict.verdict === 'refused');
  if (refused.length > 0) {
    await giveBack(verdicts.filter(({ verdict }) => verdict.verdict !== 'refused').map(({ hit }) => hit));
    const seconds = Math.max(...refused.map(({ verdict }) => verdict.retry_after_seconds));
    // Whole minutes: the exact figure would hint at which limit fired.
    return { ok: false, retryAfterSeconds: Math.ceil(seconds / 60) * 60 };
  }
  const delay = Math.max(0, ...verdicts.map(({ verdict }) => verdict.delay_ms));
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  return { ok: true, giveBack: () => giveBack(hits) };
}

/** An e-mail address as limits count it: the same for every spelling that reaches one inbox here. */
export function emailKey(email: string) {
  return email.trim().toLowerCase();
}

/** The headers of a refusal: Retry-After in seconds. */
export function retryAfterHeaders(retryAfterSeconds: number) {
  return new Headers({ 'Retry-After': String(retryAfterSeconds) });
}
