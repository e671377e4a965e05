import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createUser } from '../support/factories';
import { createClient, signInAs } from '../support/http-client';

/**
 * T13: no secret reaches the browser. The app is built (`remix build`, in a copy of the project
 * so the shared build is left alone) with every secret variable set to an unusual value, and the
 * client bundle is searched for each; then the real server runs with the secrets it accepts in
 * self-hosted mode, and its pages, data requests and scripts are searched too. The Supabase keys
 * at run time are checked by supabase-mode-guards.test.ts ("no key reaches the browser").
 */

const execute = promisify(execFile);

/** Values nobody would write by chance, so that finding one means it leaked. */
const BUILD_SECRETS = {
  SESSION_SECRET: 'Zx9-session-secret-that-must-stay-home-4Qw7Lp2Vn8Rt',
  SUPABASE_SERVICE_ROLE_KEY: 'sb_secret_Talaka-service-key-never-in-a-bundle-8Hj3Kd',
  SUPABASE_JWT_SECRET: 'jwt-secret-of-the-project-Mn5Bv7Cx1Zq3Wp9',
  DATABASE_URL: 'postgres://talaka:Db-password-Tr4Ye6Ui8Op0As2@db.internal.example:5432/talaka',
  SMTP_URL: 'smtps://mailer:Smtp-password-Gh1Jk3Lm5Np7Qr9@smtp.internal.example:465',
};
const SMTP_PASSWORD = 'Smtp-password-Gh1Jk3Lm5Np7Qr9';
const DB_PASSWORD = 'Db-password-Tr4Ye6Ui8Op0As2';

/** Each secret as it could appear: raw, URL-encoded, or inside a JSON string. */
function forms(values: string[]) {
  return [...new Set(values.flatMap((value) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]))];
}

function leaksIn(text: string, values: string[]) {
  return forms(values).filter((value) => text.includes(value));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the client bundle built with every secret set', () => {
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'talaka-bundle-'));
    for (const entry of ['app', 'remix.config.js', 'remix.env.d.ts', 'package.json', 'tsconfig.json']) {
      await cp(path.resolve(entry), path.join(project, entry), { recursive: true });
    }
    await cp(path.resolve('public'), path.join(project, 'public'), { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
    await symlink(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
    await execute(process.execPath, [path.resolve('node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...BUILD_SECRETS, SUPABASE_URL: 'https://project.supabase.example' },
      timeout: 170_000,
    });
  }, 180_000);
  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  test('holds none of the secret values, in any file the browser can fetch', async () => {
    const files = await filesUnder(path.join(project, 'public'));
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    const values = [...Object.values(BUILD_SECRETS), SMTP_PASSWORD, DB_PASSWORD];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(leaksIn(text, values), path.relative(project, file)).toEqual([]);
    }
  });

  test('the search itself finds a value that is there', async () => {
    const [script] = (await filesUnder(path.join(project, 'public', 'build'))).filter((file) => file.endsWith('.js'));
    const text = await readFile(script!, 'utf8');
    const sample = text.slice(100, 140);
    expect(leaksIn(`${text}`, [sample])).toEqual([sample]);
    expect(leaksIn(`x${encodeURIComponent(SMTP_PASSWORD)}x`, [SMTP_PASSWORD])).not.toEqual([]);
  });
});

describe('the running app with its secrets', () => {
  let database: TestDatabase;
  let app: AppServer;
  const sessionSecret = 'Pq8-running-session-secret-Vb2Nm4Xc6Zl1Ks3';
  const smtpPassword = 'Running-smtp-password-Fd7Gs9Ha2';

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startApp({
      env: { DATABASE_URL: database.url, SESSION_SECRET: sessionSecret, SMTP_URL: `smtp://mailer:${smtpPassword}@127.0.0.1:1` },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test('serves no secret in its pages, data requests or scripts, signed in or not', async () => {
    const user = await createUser(database.sql);
    const member = await signInAs(app.url, user.email);
    const visitor = createClient(app.url);
    const answers = [
      ...(await Promise.all(['/', '/sign-in', '/sign-up', '/privacy', '/magic-link', '/?_data=root', '/no-such-page'].map((p) => visitor.get(p)))),
      ...(await Promise.all(['/account', '/account/profile', '/events', '/account?_data=root', '/account?_data=routes%2Faccount._index'].map((p) => member.get(p)))),
    ];
    const scripts = new Set(answers.flatMap((answer) => [...answer.body.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((match) => match[1]!)));
    expect(scripts.size).toBeGreaterThan(3);
    const served = await Promise.all([...scripts].map((src) => visitor.get(src)));

    const databasePassword = decodeURIComponent(new URL(database.url).password);
    expect(databasePassword.length).toBeGreaterThanOrEqual(16);
    const values = [sessionSecret, smtpPassword, databasePassword, database.url];
    for (const answer of [...answers, ...served]) {
      expect(answer.status).toBeLessThan(500);
      expect(leaksIn(answer.body, values)).toEqual([]);
      for (const line of answer.setCookies) expect(leaksIn(line, values)).toEqual([]);
    }
  });
});
