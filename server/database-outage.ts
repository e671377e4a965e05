import type { ServerBuild } from '@remix-run/node';
import { isDatabaseUnavailable } from '../app/platform/db/connection-errors.server';

/**
 * When PostgreSQL is gone, every loader and action fails the same way. Instead of a 500 with
 * the error logged for each request, the app answers 503: pages render the root error boundary's
 * translated "briefly unavailable" text (app/components/layout/error-page.tsx), resource routes
 * a short plain answer, and clients are told to retry. postgres.js reconnects by itself once the
 * database is back, so nothing else has to happen.
 *
 * One place for the whole app: every route module's loader and action are wrapped here, before
 * the build is handed to Remix.
 */
export function answerDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: guarded(loader) } : {}),
        ...(action ? { action: guarded(action) } : {}),
      },
    };
  }
  return { ...build, routes };
}

function guarded<Args extends unknown[], Result>(fn: (...args: Args) => Result) {
  return async (...args: Args) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw unavailable();
      throw error;
    }
  };
}

function unavailable() {
  return new Response('Service temporarily unavailable', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30', 'Cache-Control': 'no-store' },
  });
}
