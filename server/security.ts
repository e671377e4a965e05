import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * A fresh nonce per response and a strict Content-Security-Policy: only our own scripts, styles,
 * images and connections; no third party can be loaded (T10, T14). Plus the usual hardening
 * headers.
 */
export function contentSecurityPolicy({ development }: { development: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    const connect = development ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'";
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        `connect-src ${connect}`,
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; '),
    );
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF (T11): on top of SameSite=Lax cookies, every request that changes something must come
 * from our own pages. A browser always sends Origin on such requests; a cross-site one is 403.
 */
export function rejectCrossSiteWrites(appUrl: string): RequestHandler {
  const appOrigin = new URL(appUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const sameHost = origin !== undefined && hostOf(origin) === req.get('host');
    const allowed = origin === undefined ? site === undefined || site === 'same-origin' || site === 'none' : origin === appOrigin || sameHost;
    if (allowed) return next();
    res.status(403).type('text/plain').send('Forbidden: cross-site request');
  };
}

function hostOf(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
