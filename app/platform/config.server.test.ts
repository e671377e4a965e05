import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.server';

const problemWith = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
  return null;
};

describe('configuration', () => {
  it('nothing configured is local mode on port 3000 with data under .data', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ mode: 'local', port: 3000, dataDir: '.data', storageDir: '.data/storage' });
    expect(config.appUrl).toBe('http://localhost:3000');
  });

  it('PORT overrides the port and the default address', () => {
    expect(parseConfig({ PORT: '4100' })).toMatchObject({ port: 4100, appUrl: 'http://localhost:4100' });
  });

  it('DATABASE_URL alone is self-hosted mode', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/talaka' }).mode).toBe('self-hosted');
  });

  it('Supabase URL, anon key and database URL are supabase mode', () => {
    const config = parseConfig({
      SUPABASE_URL: 'https://abc.supabase.co',
      SUPABASE_ANON_KEY: 'anon',
      DATABASE_URL: 'postgresql://postgres@db.abc.supabase.co:5432/postgres',
    });
    expect(config.mode).toBe('supabase');
    expect(config.supabase).toEqual({ url: 'https://abc.supabase.co', anonKey: 'anon', serviceRoleKey: undefined });
  });

  it('names the missing variable of a half-given Supabase configuration', () => {
    expect(problemWith({ SUPABASE_URL: 'https://abc.supabase.co', DATABASE_URL: 'postgres://x@y/z' })).toBe('SUPABASE_ANON_KEY');
    expect(problemWith({ SUPABASE_ANON_KEY: 'anon' })).toBe('SUPABASE_URL');
    expect(problemWith({ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_ANON_KEY: 'anon' })).toBe('DATABASE_URL');
  });

  it('refuses contradictions and malformed values, naming the variable', () => {
    expect(problemWith({ DATABASE_URL: 'mysql://x' })).toBe('DATABASE_URL');
    expect(problemWith({ PORT: 'eighty' })).toBe('PORT');
    expect(problemWith({ SMTP_URL: 'http://mail' })).toBe('SMTP_URL');
    expect(problemWith({ SESSION_SECRET: 'short' })).toBe('SESSION_SECRET');
    expect(
      problemWith({ SUPABASE_URL: 'https://a.supabase.co', SUPABASE_ANON_KEY: 'k', DATABASE_URL: 'postgres://x@y/z', STORAGE_DIR: '/srv' }),
    ).toBe('STORAGE_DIR');
  });

  it('production never falls back to development defaults', () => {
    expect(problemWith({ NODE_ENV: 'production' })).toBe('DATABASE_URL');
    expect(problemWith({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z' })).toBe('SESSION_SECRET');
    const secret = 'x'.repeat(32);
    expect(problemWith({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z', SESSION_SECRET: secret })).toBe('APP_URL');
    expect(
      problemWith({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z', SESSION_SECRET: secret, APP_URL: 'https://talaka.example' }),
    ).toBe('SMTP_URL');
  });

  it('STORAGE_DIR and SMTP_URL are taken as given', () => {
    const config = parseConfig({ STORAGE_DIR: '/srv/talaka/files', SMTP_URL: 'smtp://mail:25' });
    expect(config).toMatchObject({ storageDir: '/srv/talaka/files', smtpUrl: 'smtp://mail:25' });
  });
});
