import type { RequestHandler } from 'express';
import { cookieNames, newRequestContext, requestContext } from '../app/platform/request-context.server';

/**
 * Opens the per-request context and, just before the response head goes out, adds the cookies
 * queued during the request — unless the route set a cookie of the same name itself (signing
 * out clears the session cookie; a refresh queued earlier in the request must not undo that).
 */
export const withRequestContext: RequestHandler = (_req, res, next) => {
  const context = newRequestContext();
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    if (context.cookies.length > 0) {
      const existing = res.getHeader('Set-Cookie');
      const already = Array.isArray(existing) ? existing : existing === undefined ? [] : [String(existing)];
      const taken = cookieNames(already);
      const queued = context.cookies.filter((cookie) => !taken.has(cookie.slice(0, cookie.indexOf('=')).trim()));
      if (queued.length > 0) res.setHeader('Set-Cookie', [...already, ...queued]);
    }
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  requestContext.run(context, next);
};
