import { loadConfigOrExit } from '../app/platform/config.server';
import { startServices } from './services';
import { startHttpServer } from './http';

/**
 * The process entry: validate configuration, bring up the database (embedded in local mode),
 * apply migrations, seed demo data once, then serve the Remix app. Ctrl-C (SIGINT) or SIGTERM
 * stop everything in reverse order, PostgreSQL last.
 */

const config = loadConfigOrExit();
const log = (line: string) => console.log(`[talaka] ${line}`);

const services = await startServices(config, log).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const http = await startHttpServer(config, log);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal} received, stopping…`);
  await http.close();
  await services.stop();
  log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
