import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../app/platform/db/client.server';
import { startEmbeddedPostgres } from '../../app/platform/db/embedded.server';
import { migrate } from '../../app/platform/db/migrate.server';

/**
 * One embedded PostgreSQL for the whole run, with a template database that has the platform shim
 * and every migration applied. Each test file clones it (tests/support/database.ts), so files
 * never see each other's rows.
 */
export const TEMPLATE_DATABASE = 'talaka_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    ownerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'talaka-test-'));
  const cluster = await startEmbeddedPostgres({ dataDir, database: TEMPLATE_DATABASE });
  const sql = connect(cluster.url, { max: 1 });
  await migrate(sql);
  await sql.end();
  project.provide('adminUrl', cluster.adminUrl);
  project.provide('ownerUrl', cluster.url);
  return async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
