import path from 'node:path';
import { connect, type Sql } from '../../app/platform/db/client.server';
import { startEmbeddedPostgres } from '../../app/platform/db/embedded.server';
import { migrate, MigrationError } from '../../app/platform/db/migrate.server';

/**
 * The database the generator and the benchmark write to: any database given by URL, or a
 * database in the app's own embedded cluster (the data folder, `.data` unless DATA_DIR says
 * otherwise). Migrations are applied first, exactly as the app applies them at start.
 *
 * The embedded cluster can be started by one process at a time: stop the app (`npm run dev`)
 * before generating into it, or pass --database-url.
 */
export type Target = {
  sql: Sql;
  url: string;
  /** A superuser on the same database (embedded cluster only): for `bench --plans` (auto_explain). */
  superuserUrl?: string;
  describe: string;
  close(): Promise<void>;
};

export async function openTarget(options: {
  databaseUrl?: string;
  database: string;
  connections: number;
  /** Drop and create the database first (embedded cluster only): a clean start after migrations changed. */
  recreate?: boolean;
  /** Use the schema as it is (a database generated earlier, while migration files are being edited). */
  skipMigrations?: boolean;
  log: (line: string) => void;
}): Promise<Target> {
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR ?? '.data', database: options.database, log: options.log });
  if (embedded && options.recreate) {
    const admin = connect(embedded.adminUrl, { max: 1 });
    try {
      options.log(`Recreating database ${options.database}.`);
      await admin.unsafe(`drop database if exists "${options.database}" with (force)`);
      await admin.unsafe(`create database "${options.database}" owner postgres`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  }
  const url = options.databaseUrl ?? embedded!.url;
  const sql = connect(url, { max: options.connections });
  try {
    if (!options.skipMigrations || options.recreate) await migrate(sql, { log: options.log });
  } catch (error) {
    await sql.end({ timeout: 5 });
    await embedded?.stop();
    if (error instanceof MigrationError && embedded) {
      throw new Error(`${error.message}\nFor a generated database, start again with --recreate (drops database ${options.database}).`);
    }
    throw error;
  }
  return {
    sql,
    url,
    superuserUrl: embedded ? embedded.adminUrl.replace(/\/postgres$/, `/${options.database}`) : undefined,
    describe: options.databaseUrl ? 'the database given by --database-url' : `database ${options.database} of the embedded cluster in ${path.normalize(process.env.DATA_DIR ?? '.data')}`,
    async close() {
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}
