import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/factories';
import type { HttpClient } from '../support/http-client';
import { giveVerifiedFactor, signInWithSecondFactor } from '../support/second-factor';
import { useSelfHostedApp } from '../support/self-hosted-app';

/**
 * The JavaScript budget (issue 8): a phone on a slow, censored connection must not download more
 * than 120 KB of gzipped script to use the directory. Measured as the browser gets it: the
 * organizer's /directory page, every script it loads (the module script's imports and the
 * modulepreload links: manifest, entry, root, route and shared chunks), each fetched from the
 * server and gzipped at level 9.
 */
const BUDGET_BYTES = 120 * 1024;
const running = useSelfHostedApp();
let organizer: HttpClient;

beforeAll(async () => {
  const sql = running.database.sql;
  const person = await createUser(sql, { roles: ['organizer'] });
  const secret = await giveVerifiedFactor(sql, person.userId);
  organizer = await signInWithSecondFactor(running.app.url, person.email, secret, { language: 'en' });
});

/** The same-origin script URLs a page makes the browser load before it is interactive. */
function scriptsOf(html: string): string[] {
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)].map(([tag]) => /\bhref="([^"]+)"/.exec(tag)?.[1]);
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  const imports = [...html.matchAll(/\bimport\s*(?:[^'"]*from\s*)?["'](\/build\/[^"']+)["']/g)].map((match) => match[1]);
  return [...new Set([...preloads, ...sources, ...imports].filter((url): url is string => Boolean(url)))];
}

async function gzippedSize(path: string) {
  const response = await organizer.get(path);
  expect(response.status, path).toBe(200);
  return gzipSync(Buffer.from(response.body, 'utf8'), { level: 9 }).length;
}

describe('client JavaScript on the directory page', () => {
  it('is at most 120 KB gzipped for an organizer', async () => {
    const page = await organizer.get('/directory');
    expect(page.status).toBe(200);
    const scripts = scriptsOf(page.body);
    // The page really is the hydrated directory: entry, root and its own route chunk are there.
    expect(scripts.some((url) => /\/build\/entry\.client-/.test(url))).toBe(true);
    expect(scripts.some((url) => /\/build\/root-/.test(url))).toBe(true);
    expect(scripts.some((url) => /\/build\/routes\/directory\._index-/.test(url))).toBe(true);
    expect(scripts.every((url) => url.startsWith('/build/'))).toBe(true);

    const sizes = await Promise.all(scripts.map(async (url) => [url, await gzippedSize(url)] as const));
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.log(`directory page: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB gzipped (budget 120 KB)`);
    expect(total, sizes.map(([url, size]) => `${url} ${size}`).join('\n')).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
