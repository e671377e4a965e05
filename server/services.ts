import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../app/platform/config.server';
import { createLocalAuth } from '../app/platform/auth/local.server';
import { connect, createDb } from '../app/platform/db/client.server';
import { startEmbeddedPostgres } from '../app/platform/db/embedded.server';
import { assertMigrationsApplied, migrate } from '../app/platform/db/migrate.server';
import { seedOnce } from '../app/platform/db/seed.server';
import { startJobRunner } from '../app/platform/jobs/runner.server';
import { startMailSender } from '../app/platform/mail/sender.server';
import { setRuntime } from '../app/platform/runtime.server';
import { createSupabaseAuth } from '../app/platform/auth/supabase.server';
import { createLocalStorage } from '../app/platform/storage/local.server';
import { createSupabaseStorage } from '../app/platform/storage/supabase.server';
import { allJobs } from './jobs';

/** Builds the runtime for the configured mode and returns how to stop it. */
export async function startServices(config: Config, log: (line: string) => void) {
  const embedded = config.mode === 'local' ? await startEmbeddedPostgres({ dataDir: config.dataDir, log }) : undefined;
  const databaseUrl = embedded?.url ?? config.databaseUrl!;
  const sql = connect(databaseUrl, { prepare: config.mode !== 'supabase' });

  try {
    if (config.mode === 'supabase') {
      // The schema is applied with `supabase db push`; the app only checks that it is there.
      await assertMigrationsApplied(sql);
    } else {
      await migrate(sql, { log });
    }
    if (config.mode === 'local') await seedOnce(sql, { log });
  } catch (error) {
    await sql.end({ timeout: 5 });
    await embedded?.stop();
    throw error;
  }

  const db = createDb(sql);
  const auth = config.supabase
    ? createSupabaseAuth({ ...config.supabase, appUrl: config.appUrl })
    : createLocalAuth({ db, appUrl: config.appUrl, sessionSecret: await sessionSecret(config) });
  const mailSender = config.smtpUrl ? startMailSender({ sql, smtpUrl: config.smtpUrl, from: config.mailFrom, log }) : undefined;

  setRuntime({
    config,
    db,
    auth,
    storage: config.supabase
      ? createSupabaseStorage({ ...config.supabase, appUrl: config.appUrl })
      : createLocalStorage({ db, root: config.storageDir }),
    async checkDatabase() {
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
  });
  log(`Mode: ${config.mode}. Database ready.`);
  // Supabase mode runs its jobs from cron (`npm run jobs`); so may any server with JOBS=off.
  const jobRunner =
    config.mode !== 'supabase' && config.jobs ? startJobRunner({ sql, jobs: allJobs(config), log }) : undefined;

  return {
    async stop() {
      setRuntime(undefined);
      await jobRunner?.stop();
      await mailSender?.stop();
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}

/** Production requires SESSION_SECRET (checked in config); development keeps one under the data folder. */
async function sessionSecret(config: Config) {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
