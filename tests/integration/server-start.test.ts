import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../support/app-server';

/**
 * Zero-config start: with nothing configured the server starts its own PostgreSQL under the data
 * folder, applies the platform shim and migrations, seeds the demo accounts once, and stops
 * PostgreSQL cleanly on Ctrl-C. A second start reuses the data.
 */
const dataDir = await mkdtemp(path.join(tmpdir(), 'talaka-zero-config-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const postmasterRunning = () => existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'));

describe('zero-config start in local mode', () => {
  it('first start creates the database, migrates, seeds and serves; Ctrl-C stops PostgreSQL', async () => {
    const app = await startApp({ dataDir });
    const health = await fetch(`${app.url}/healthz`).then((r) => r.json());
    expect(health).toEqual({ status: 'ok', database: 'up' });
    expect(app.output()).toContain('Applying 20261129000100_profiles.sql');
    expect(app.output()).toContain('Loading demo data');
    expect(postmasterRunning()).toBe(true);

    const page = await fetch(`${app.url}/`).then((r) => r.text());
    expect(page).toContain('<html lang="be"');

    expect(await app.stop()).toBe(0);
    expect(postmasterRunning()).toBe(false);
    expect(readFileSync(path.join(dataDir, 'postgres-secrets.json'), 'utf8')).not.toBe('');
  });

  it('a second start reuses the data: nothing re-applied, nothing re-seeded, demo accounts still there', async () => {
    const app = await startApp({ dataDir });
    expect(app.output()).not.toContain('Applying');
    expect(app.output()).not.toContain('Loading demo data');

    const signIn = await fetch(`${app.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
      body: new URLSearchParams({ email: 'organizer@example.org', password: 'talaka-demo-password' }),
    });
    expect(signIn.status).toBe(302);
    // The demo organizer has the README's authenticator: the code comes next (T4).
    expect(signIn.headers.get('location')).toBe('/auth/second-factor?redirectTo=%2Faccount');

    expect(await app.stop()).toBe(0);
    expect(postmasterRunning()).toBe(false);
  });
});

describe('a bad configuration stops the process with one line naming the variable', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([
    [{ SUPABASE_URL: 'https://abc.supabase.co', DATABASE_URL: 'postgres://x@127.0.0.1:1/x' }, 'SUPABASE_ANON_KEY'],
    [{ DATABASE_URL: 'mysql://localhost/talaka' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ NODE_ENV: 'production' }, 'DATABASE_URL'],
  ])('%o → names %s', (env, variable) => {
    const result = start(env);
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable} `));
  });
});
