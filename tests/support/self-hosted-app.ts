import { afterAll, beforeAll } from 'vitest';
import { startApp, type AppServer } from './app-server';
import { createTestDatabase, type TestDatabase } from './database';

export type RunningApp = { app: AppServer; database: TestDatabase };

/**
 * For a test file: the real server in self-hosted mode (NODE_ENV=test, so the development
 * outbox works) on a fresh database of its own, started before the file's tests and stopped after.
 * Read `running.app` and `running.database` inside tests and hooks.
 */
export function useSelfHostedApp(): RunningApp {
  const running = {} as RunningApp;
  beforeAll(async () => {
    running.database = await createTestDatabase();
    running.app = await startApp({ env: { DATABASE_URL: running.database.url } });
  });
  afterAll(async () => {
    await running.app?.stop();
    await running.database?.drop();
  });
  return running;
}
