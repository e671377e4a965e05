import type { AuthAdapter } from './auth/types';
import type { Config } from './config.server';
import type { Db } from './db/client.server';
import type { StorageAdapter } from './storage/types';

/**
 * Everything that holds state in the server process: configuration, the database pool and the
 * adapters chosen by the mode. The server entry builds it once (server/index.ts) and the Remix
 * build reads it from here; it lives on globalThis because the entry and the build are two
 * module graphs.
 */
export type Runtime = {
  config: Config;
  db: Db;
  auth: AuthAdapter;
  /** A local folder in local and self-hosted mode; Supabase Storage in supabase mode. */
  storage: StorageAdapter;
  /** Reports whether the database answers, for /healthz. */
  checkDatabase(): Promise<boolean>;
};

const KEY = Symbol.for('talaka.runtime');
type Holder = { [KEY]?: Runtime };

export function setRuntime(value: Runtime | undefined) {
  (globalThis as Holder)[KEY] = value;
}

export function runtime(): Runtime {
  const value = (globalThis as Holder)[KEY];
  if (!value) throw new Error('The Talaka runtime was not started (see server/index.ts).');
  return value;
}
