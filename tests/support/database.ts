import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connect, createDb, type Db, type Sql } from '../../app/platform/db/client.server';
import { TEMPLATE_DATABASE } from './global-database';

export type TestDatabase = {
  name: string;
  /** Owner connection string (the non-superuser `postgres` role), as the app uses. */
  url: string;
  sql: Sql;
  db: Db;
  drop(): Promise<void>;
};

/** A fresh database cloned from the migrated template; drop it in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = connect(inject('adminUrl'), { max: 1 });
  await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE} owner postgres`);
  const url = inject('ownerUrl').replace(new RegExp(`/${TEMPLATE_DATABASE}$`), `/${name}`);
  const sql = connect(url, { max: 4 });
  return {
    name,
    url,
    sql,
    db: createDb(sql),
    async drop() {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
