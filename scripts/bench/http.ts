import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { Sql } from '../../app/platform/db/client.server';
import { currentStep, generateTotpSecret, totpCode } from '../../app/platform/auth/totp.server';
import { freePort } from '../../app/platform/db/embedded.server';
import { runLoad, type LoadResult } from './http-load';
import { BENCH_DOMAIN } from './organizers';

/**
 * The SSR search page over HTTP (issue 6, acceptance 2 and 4): the built app (`npx remix build`)
 * is started as `npm start` starts it, in production mode, on the bench database, with jobs off.
 * A bench organizer with a password and a verified TOTP factor signs in through the real forms
 * (password, then the code), and its session cookie is reused by every connection of the load,
 * so each request runs the whole page: session and power check, reference options, the audited
 * search and the server render. Target at 500,000 profiles: p95 ≤ 120 ms at 16 connections.
 */

/** The searches the load cycles through, in the page's canonical form (no redirect). */
export const HTTP_PATHS = [
  '/directory?skill=backend-development&city=Warszawa',
  '/directory?q=Ціханоўская',
  '/directory?lang=en&langLevel=B2&direction=media',
  '/directory?city=Wilno&sort=recent',
] as const;

export type HttpResult = LoadResult & { paths: readonly string[]; mode: string };

type RunningApp = { origin: string; output(): string; stop(): Promise<void> };

/**
 * Starts server/index.ts on the given database, as `npm start` does (production mode, jobs off).
 * `nodeArgs` go to Node before the entry, e.g. `--cpu-prof` to see where a page's time goes.
 */
export async function startBenchApp(databaseUrl: string, nodeArgs: string[] = []): Promise<RunningApp> {
  if (!existsSync('build/index.js')) throw new Error('The HTTP step needs the built app: run `npx remix build` first.');
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'talaka-bench-app-'));
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/index.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: origin,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      // Production asks for a mail server; nothing listens there and the bench sends no mail.
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      JOBS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, output: () => output, stop };
}

/** An organizer who can sign in: password, verified TOTP factor, power granted 60 days ago. */
export async function createHttpOrganizer(sql: Sql) {
  const id = randomUUID();
  const email = `organizer-http-${id.slice(0, 8)}@${BENCH_DOMAIN}`;
  const password = randomBytes(18).toString('base64url');
  const secret = generateTotpSecret();
  await sql`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, created_at, updated_at)
            values (${id}, 'authenticated', 'authenticated', ${email}, ${bcrypt.hashSync(password, 4)}, now(), now(), now())`;
  await sql`insert into app.user_roles (user_id, role, granted_at) values (${id}, 'organizer', now() - interval '60 days')`;
  await sql`insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, secret, created_at, updated_at)
            values (${randomUUID()}, ${id}, 'Benchmark', 'totp', 'verified', ${secret}, now(), now())`;
  // The bench database's quota is raised for the load (as scripts/bench/organizers.ts does).
  await sql`update app.quota_limits set "limit" = 1000000000 where action in ('search', 'talent_map', 'profile_view')`;
  return { id, email, password, secret };
}

/** Signs in through the forms (password, then the code); returns the Cookie header of the session. */
export async function signInForCookie(origin: string, who: { email: string; password: string; secret: string }) {
  const jar = new Map<string, string>();
  const post = async (pathName: string, fields: Record<string, string>) => {
    const response = await fetch(`${origin}${pathName}`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams(fields),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: origin,
        Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    await response.text();
    if (response.status !== 302) throw new Error(`${pathName} answered ${response.status}, not a redirect`);
  };
  await post('/sign-in', { email: who.email, password: who.password });
  await post('/auth/second-factor', { code: totpCode(who.secret, currentStep()) });
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The whole step: app up, organizer signed in, every path checked once, then the load. */
export async function benchHttp(sql: Sql, databaseUrl: string, options: { connections: number; seconds: number; log: (line: string) => void }): Promise<HttpResult> {
  const app = await startBenchApp(databaseUrl);
  try {
    const organizer = await createHttpOrganizer(sql);
    const cookie = await signInForCookie(app.origin, organizer);
    const headers = { Cookie: cookie, 'Accept-Language': 'be', 'Accept-Encoding': 'gzip' };
    const paths = HTTP_PATHS.map((p) => encodeURI(p));
    for (const p of paths) {
      const response = await fetch(`${app.origin}${p}`, { headers, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200 || !body.includes('id="results-title"')) {
        throw new Error(`${decodeURI(p)} answered ${response.status}${response.status === 200 ? ' without results' : ''}; the load would not measure the search.`);
      }
    }
    options.log(`HTTP: ${options.connections} connections for ${options.seconds} s against ${app.origin} (production build).`);
    const result = await runLoad({ origin: app.origin, paths, headers, connections: options.connections, seconds: options.seconds });
    return { ...result, paths: HTTP_PATHS, mode: 'production' };
  } finally {
    await app.stop();
  }
}
