import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freePort } from '../../app/platform/db/embedded.server';

/**
 * A throwaway PostgreSQL 15 server from the system's binaries (Debian's `postgresql-15`), to prove
 * that the migrations run on the oldest version we support. Fresh data directory per start,
 * loopback TCP only, scram auth with a random superuser password; `stop()` removes everything.
 */

export type Postgres15 = {
  /** Superuser (`supabase_admin`) connection string, database `postgres`. */
  adminUrl: string;
  /** `server_version` as the server reports it, e.g. `15.18 (Debian 15.18-0+deb12u1)`. */
  version: string;
  stop(): Promise<void>;
};

const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';
const SUPERUSER = 'supabase_admin';

/** The directory of the PostgreSQL 15 server binaries, or undefined when there are none. */
export function pg15BinDir(): string | undefined {
  const dir = process.env.PG15_BIN_DIR || DEFAULT_BIN_DIR;
  const server = path.join(dir, 'postgres');
  if (!existsSync(server)) return undefined;
  try {
    const version = execFileSync(server, ['--version'], { encoding: 'utf8' });
    return /\(PostgreSQL\) 15\./.test(version) ? dir : undefined;
  } catch {
    return undefined;
  }
}

export async function startPostgres15(): Promise<Postgres15> {
  const binDir = pg15BinDir();
  if (!binDir) throw new Error(`No PostgreSQL 15 server found (set PG15_BIN_DIR or install it in ${DEFAULT_BIN_DIR}).`);
  const owner = serverUser();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'talaka-pg15-'));
  const instance: Instance = { tmp };
  live.add(instance);
  const dataDir = path.join(tmp, 'data');
  const pwFile = path.join(tmp, 'pwfile');
  const password = randomBytes(24).toString('base64url');
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopInstance(instance));

  try {
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (owner) await Promise.all([chown(tmp, owner.uid, owner.gid), chown(pwFile, owner.uid, owner.gid)]);
    await run(instance, path.join(binDir, 'initdb'), [
      '-D', dataDir, '-U', SUPERUSER, `--pwfile=${pwFile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C.UTF-8',
    ], owner);

    const port = await freePort();
    const log: string[] = [];
    const server = spawn(path.join(binDir, 'postgres'), [
      '-D', dataDir, '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    ], { stdio: ['ignore', 'ignore', 'pipe'], ...owner });
    instance.child = server;
    server.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));

    const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const version = await waitForServer(adminUrl, server, log);
    return { adminUrl, version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// -------------------------------------------------------------------------------------
// Clean-up: `stop()` normally; at process exit, whatever is still running (an interrupted start).
// -------------------------------------------------------------------------------------
type Instance = { tmp: string; child?: ChildProcess };
const live = new Set<Instance>();

async function stopInstance(instance: Instance) {
  if (instance.child) await stopProcess(instance.child);
  await rm(instance.tmp, { recursive: true, force: true });
  live.delete(instance);
}

process.on('exit', () => {
  for (const { tmp, child } of live) {
    if (child?.pid && isRunning(child)) {
      child.kill('SIGINT');
      const deadline = Date.now() + 10_000;
      while (alive(child.pid) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    rmSync(tmp, { recursive: true, force: true });
  }
});

/** Synchronous liveness for the exit hook, where a dead child is still an unreaped zombie. */
function alive(pid: number) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function isRunning(child: ChildProcess) {
  return child.exitCode === null && child.signalCode === null;
}

type Owner = { uid: number; gid: number };

/** PostgreSQL refuses to run as root: then it runs as the OS user `postgres`, created if needed. */
function serverUser(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(instance: Instance, command: string, args: string[], owner: Owner | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...owner });
    instance.child = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}):\n${output}`)),
    );
  });
}

async function waitForServer(url: string, server: ChildProcess, log: string[]): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!isRunning(server)) throw new Error(`postgres exited (${server.exitCode ?? server.signalCode}):\n${log.join('')}`);
    const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      const [row] = await sql<{ server_version: string }[]>`show server_version`;
      return row!.server_version;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`postgres did not start in 30 s: ${String(error)}\n${log.join('')}`);
    } finally {
      await sql.end({ timeout: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fast shutdown (SIGINT) and wait; immediate shutdown (SIGQUIT) if still running after 30 s. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
