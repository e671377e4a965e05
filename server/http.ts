import { watch } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady, type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import type { Config } from '../app/platform/config.server';
import { answerDatabaseOutages } from './database-outage';
import { answerUnhandledErrors } from './last-resort';
import { contentSecurityPolicy, rejectCrossSiteWrites } from './security';
import { withRequestContext } from './request-context';
import { runWithClientAddress } from '../app/platform/rate-limit/client-address.server';

const BUILD_PATH = path.resolve('build/index.js');

/** Express in front of the Remix build: static files, security headers, the Remix handler. */
export async function startHttpServer(config: Config, log: (line: string) => void) {
  const development = config.env === 'development';
  // Under `remix dev` (npm run dev) the dev server waits to hear that each new build is loaded.
  const underRemixDev = development && Boolean(process.env.REMIX_DEV_ORIGIN);
  let build = await importBuild();

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the peers named in TRUSTED_PROXIES (ADR 026).
  app.set('trust proxy', config.trustedProxies);
  app.use(compression());
  app.use(contentSecurityPolicy({ development, production: config.env === 'production' }));
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h', index: false }));
  app.use(rejectCrossSiteWrites(config.appUrl));
  app.use(withRequestContext);
  app.use((req, _res, next) => runWithClientAddress(req.ip, next));
  app.use(treatBackslashPathsAsUnknown);
  app.all(
    '*',
    underRemixDev
      ? (req, res, next) => createRequestHandler({ build, mode: config.env, getLoadContext: (_, r) => ({ cspNonce: r.locals.cspNonce }) })(req, res, next)
      : createRequestHandler({ build, mode: config.env, getLoadContext: (_, r) => ({ cspNonce: r.locals.cspNonce }) }),
  );
  app.use(answerUnhandledErrors(log));

  const server = app.listen(config.port, config.host ?? '0.0.0.0', () => {
    log(`Talaka is running at http://localhost:${config.port}`);
    if (underRemixDev) void broadcastDevReady(build);
  });
  // Idle keep-alive connections stay open longer than a client or a reverse proxy keeps them
  // (Node's 5 s default is shorter than most): otherwise the server may close a connection at the
  // moment a client sends its next request on it, and that request fails without an answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  if (underRemixDev) {
    // `remix dev --manual` rebuilds into build/; load the new build and tell the dev server.
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(path.dirname(BUILD_PATH), () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        build = await importBuild();
        await broadcastDevReady(build);
      }, 100);
    });
    server.on('close', () => watcher.close());
  }

  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Remix build, with a lost database answered as 503 by every route (server/database-outage.ts). */
async function importBuild(): Promise<ServerBuild> {
  const url = pathToFileURL(BUILD_PATH).href;
  return answerDatabaseOutages((await import(`${url}?t=${Date.now()}`)) as ServerBuild);
}

/**
 * No address of ours contains a backslash, and React Router's server renderer throws on one
 * (`/%5C` became a 500 with a stack trace in the log). Such a path is answered as the unknown
 * page it is: the translated 404, the query string (and its `lng`) kept.
 */
function treatBackslashPathsAsUnknown(req: express.Request, _res: express.Response, next: express.NextFunction) {
  const [pathname, query] = splitOnce(req.originalUrl, '?');
  if (/\\|%5c/i.test(pathname)) {
    // Remix builds its request from originalUrl.
    req.url = req.originalUrl = `/not-found${query === undefined ? '' : `?${query}`}`;
  }
  next();
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
