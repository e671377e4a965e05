import { beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../support/factories';
import { cookieAttributes, createClient, type Page } from '../support/http-client';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * T2: no answer tells whether an e-mail address has an account. For sign-up, password reset and
 * magic link, a known and an unknown address must get the same status, body, headers and cookies
 * (names and attributes), and take the same time (medians of ≥ 30 interleaved samples within
 * 50 ms). Rate limits count per e-mail address whether or not it has an account (ADR 026), so
 * each timing sample uses an address of its own, and a refusal reads the same for both.
 */

const running = useSelfHostedApp();

let known: { confirmed: string; unconfirmed: string };

beforeAll(async () => {
  known = {
    confirmed: (await createUser(running.database.sql)).email,
    unconfirmed: (await createUser(running.database.sql, { confirmed: false })).email,
  };
});

const unknownAddress = () => `nobody-${crypto.randomUUID().slice(0, 12)}@example.org`;

type Flow = { name: string; path: string; fields: (email: string) => Record<string, string> };
const flows: Flow[] = [
  { name: 'sign-up', path: '/sign-up', fields: (email) => ({ email, password: 'a long and unrelated passphrase' }) },
  { name: 'password reset', path: '/forgot-password', fields: (email) => ({ email }) },
  { name: 'magic link', path: '/magic-link', fields: (email) => ({ email }) },
];

/** One request from a fresh browser; the response with its per-response randomness normalised. */
async function ask(flow: Flow, email: string) {
  const page = await createClient(running.app.url, { headers: { 'Accept-Language': 'en' } }).postForm(flow.path, flow.fields(email));
  return { status: page.status, body: normalise(page.body, email), headers: headerSummary(page, email), cookies: cookieNames(page) };
}

function normalise(text: string, email: string) {
  return text
    .replace(/nonce="[^"]*"/g, 'nonce="NONCE"')
    .replace(/(name="(?:csrf|_csrf|csrfToken)"[^>]*value=")[^"]*"/gi, '$1CSRF"')
    .replace(/'nonce-[^']*'/g, "'nonce-NONCE'")
    .replaceAll(email, 'EMAIL');
}

function headerSummary(page: Page, email: string) {
  const skip = new Set(['date', 'set-cookie', 'retry-after']);
  return [...page.headers].filter(([name]) => !skip.has(name)).map(([name, value]) => `${name}: ${normalise(value, email)}`);
}

/** Each cookie's name and attributes (Path, HttpOnly, SameSite, Max-Age…), its value left out. */
function cookieNames(page: Page) {
  return page.setCookies
    .map((line) => `${line.split('=')[0]} ${JSON.stringify(Object.entries(cookieAttributes(line)).sort())}`)
    .sort();
}

describe('the same answer for a known and an unknown address', () => {
  const cases = [
    { flow: flows[0]!, account: 'confirmed' as const },
    { flow: flows[0]!, account: 'unconfirmed' as const },
    { flow: flows[1]!, account: 'confirmed' as const },
    { flow: flows[1]!, account: 'unconfirmed' as const },
    { flow: flows[2]!, account: 'confirmed' as const },
    { flow: flows[2]!, account: 'unconfirmed' as const },
  ];
  for (const { flow, account } of cases) test(`${flow.name}: status, body, headers and cookies match for a ${account} account`, async () => {
    const forKnown = await ask(flow, known[account]);
    const forUnknown = await ask(flow, unknownAddress());

    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.cookies).toEqual(forKnown.cookies);
    expect(forUnknown.headers).toEqual(forKnown.headers);
    // toBe rather than toEqual keeps a failure's output to the first differing line.
    expect(forUnknown.body === forKnown.body, firstDifference(forKnown.body, forUnknown.body)).toBe(true);
  });
});

describe('the same time for a known and an unknown address', () => {
  const SAMPLES = 30;
  const WARM_UP = 5;
  const TOLERANCE_MS = 50;

  for (const flow of flows) test(`${flow.name}: medians for a known and an unknown address within ${TOLERANCE_MS} ms`, async () => {
    // A known address of its own per sample: the per-address limit would otherwise slow the
    // known side alone (the same unknown address, repeated, is slowed just the same).
    const knownAddresses: string[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) knownAddresses.push((await createUser(running.database.sql)).email);
    const send = async (email: string) => {
      const started = performance.now();
      const page = await createClient(running.app.url).postForm(flow.path, flow.fields(email));
      const elapsed = performance.now() - started;
      expect(page.status).toBe(200);
      return elapsed;
    };
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < WARM_UP + SAMPLES; round++) {
      // Interleaved, and each side goes first half of the time, so drift and load hit both alike.
      const order = round % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const side of order) {
        const elapsed = await send(side === 'known' ? knownAddresses[round]! : unknownAddress());
        if (round >= WARM_UP) timings[side].push(elapsed);
      }
    }

    const [knownMedian, unknownMedian] = [median(timings.known), median(timings.unknown)];
    console.info(`T2 ${flow.name}: median ${knownMedian.toFixed(1)} ms known, ${unknownMedian.toFixed(1)} ms unknown`);
    expect(timings.known).toHaveLength(SAMPLES);
    expect(Math.abs(knownMedian - unknownMedian)).toBeLessThan(TOLERANCE_MS);
  });
});

describe('a refusal by the rate limit reads the same for a known and an unknown address', () => {
  for (const flow of flows) test(`${flow.name}: the same 429 once the per-e-mail limit is used up`, async () => {
    const [knownEmail, unknownEmail] = [(await createUser(running.database.sql)).email, unknownAddress()];
    // The default per-e-mail limit is 5 an hour; the sixth request is refused.
    const refusedFor = async (email: string) => {
      for (let i = 0; i < 5; i++) expect((await ask(flow, email)).status).toBe(200);
      const page = await createClient(running.app.url, { headers: { 'Accept-Language': 'en' } }).postForm(flow.path, flow.fields(email));
      return {
        status: page.status,
        retryAfter: page.headers.get('retry-after'),
        body: normalise(page.body, email),
        headers: headerSummary(page, email),
        cookies: cookieNames(page),
      };
    };
    const [forKnown, forUnknown] = await Promise.all([refusedFor(knownEmail), refusedFor(unknownEmail)]);
    expect(forKnown.status).toBe(429);
    expect(Number(forKnown.retryAfter)).toBeGreaterThan(0);
    expect(forKnown.body).toContain('Too many attempts');
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.cookies).toEqual(forKnown.cookies);
    expect(forUnknown.headers).toEqual(forKnown.headers);
    expect(forUnknown.body === forKnown.body, firstDifference(forKnown.body, forUnknown.body)).toBe(true);
  });
});

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function firstDifference(a: string, b: string) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `bodies differ at ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}
