import { z } from 'zod';
import { isTrustedProxyList } from './rate-limit/trusted-proxies';
import { parseRateLimitOverrides, type RateLimitOverrides } from './rate-limit/rules';

/**
 * Configuration is read once from the environment and validated here. A wrong or half-given
 * configuration stops the process with one line naming the variable (see `loadConfigOrExit`).
 *
 * The mode follows from what is set:
 *   nothing                                   → local (embedded PostgreSQL, built-in auth, outbox)
 *   DATABASE_URL                              → self-hosted (that PostgreSQL, built-in auth)
 *   SUPABASE_URL + SUPABASE_ANON_KEY + DATABASE_URL → supabase (Supabase Auth and Storage)
 */

export type Mode = 'local' | 'self-hosted' | 'supabase';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.join(' or ')}//`);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: optional,
    APP_URL: url(['http:', 'https:']).optional(),
    DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
    SUPABASE_URL: url(['http:', 'https:']).optional(),
    SUPABASE_ANON_KEY: optional,
    SUPABASE_SERVICE_ROLE_KEY: optional,
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: optional,
    STORAGE_DIR: optional,
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DATA_DIR: optional,
    JOBS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
    TRUSTED_PROXIES: z
      .string()
      .trim()
      .default('loopback')
      .refine(isTrustedProxyList, 'must be none, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges'),
    RATE_LIMITS: z
      .string()
      .trim()
      .default('')
      .refine((value) => parseRateLimitOverrides(value) !== null, 'must be a comma-separated list of bucket=limit/seconds, e.g. sign-in-address=50/900'),
    SESSION_IDLE_MINUTES: z.coerce.number().int('must be a whole number of minutes').min(5).max(20160).default(720),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (env.SUPABASE_URL && !env.SUPABASE_ANON_KEY)
      problem('SUPABASE_ANON_KEY', 'is required when SUPABASE_URL is set');
    if (env.SUPABASE_ANON_KEY && !env.SUPABASE_URL)
      problem('SUPABASE_URL', 'is required when SUPABASE_ANON_KEY is set');
    if (env.SUPABASE_SERVICE_ROLE_KEY && !env.SUPABASE_URL)
      problem('SUPABASE_URL', 'is required when SUPABASE_SERVICE_ROLE_KEY is set');
    if (env.SUPABASE_URL && !env.DATABASE_URL)
      problem('DATABASE_URL', "is required in supabase mode (the project's Postgres connection string)");
    if (env.SUPABASE_URL && env.STORAGE_DIR)
      problem('STORAGE_DIR', 'cannot be used in supabase mode, where files live in Supabase Storage');
    if (env.NODE_ENV === 'production') {
      if (!env.DATABASE_URL)
        problem('DATABASE_URL', 'is required in production (the embedded database is for development only)');
      if (!env.SESSION_SECRET && !env.SUPABASE_URL)
        problem('SESSION_SECRET', 'is required in production (at least 32 random characters)');
      if (!env.APP_URL) problem('APP_URL', 'is required in production (the public address of the site)');
      if (!env.SMTP_URL && !env.SUPABASE_URL)
        problem('SMTP_URL', 'is required in production, or mail would never leave the outbox');
    }
  });

export type Config = {
  mode: Mode;
  env: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  appUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  supabase: { url: string; anonKey: string; serviceRoleKey: string | undefined } | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  storageDir: string;
  sessionSecret: string | undefined;
  /** Run background jobs inside this process (local and self-hosted mode); JOBS=off leaves them to `npm run jobs`. */
  jobs: boolean;
  /** Peers whose X-Forwarded-For is believed (Express `trust proxy`); false for none. ADR 026. */
  trustedProxies: string[] | false;
  /** Limits changed from their defaults by RATE_LIMITS (bucket → limit per window). ADR 026. */
  rateLimits: RateLimitOverrides;
  /** A member's session ends after this many minutes without a request (ADR 006). */
  sessionIdleMinutes: number;
};

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly reason: string) {
    super(`${variable} ${reason}`);
  }
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'configuration'), issue.message);
  }
  const env = result.data;
  const mode: Mode = env.SUPABASE_URL ? 'supabase' : env.DATABASE_URL ? 'self-hosted' : 'local';
  const dataDir = env.DATA_DIR ?? '.data';
  return {
    mode,
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: env.DATABASE_URL,
    supabase: env.SUPABASE_URL
      ? { url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY!, serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY }
      : undefined,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM ?? 'Talaka <no-reply@localhost>',
    storageDir: env.STORAGE_DIR ?? `${dataDir}/storage`,
    sessionSecret: env.SESSION_SECRET,
    jobs: env.JOBS === 'on',
    trustedProxies: env.TRUSTED_PROXIES === 'none' ? false : env.TRUSTED_PROXIES.split(',').map((part) => part.trim()),
    rateLimits: parseRateLimitOverrides(env.RATE_LIMITS) ?? {},
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  };
}

/** For the process entry point: a bad configuration is one line on stderr and exit code 1. */
export function loadConfigOrExit(source: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
