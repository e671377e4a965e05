import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * A fresh nonce per response and a strict Content-Security-Policy: only our own scripts, styles,
 * images and connections; no third party can be loaded (T10, T14). Plus the usual hardening
 * headers.
 */
export function contentSecurityPolicy({ development, production = false }: { development: boolean; production?: boolean }): RequestHandler {
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
    // Stricter than strict-origin-when-cross-origin on purpose: another site must not even learn
    // that its visitor came from Talaka (that alone says something about them). Our own pages
    // still get the full Referer, which the CSRF check below relies on.
    res.setHeader('Referrer-Policy', 'same-origin');
    // Production sits behind TLS; browsers ignore HSTS on plain http, so development is left alone.
    if (production) res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF (T11): on top of SameSite=Lax cookies, every request that changes something must come
 * from our own pages. Browsers send Origin on such requests; when it is missing (an old browser,
 * a privacy extension) a same-origin Referer will do. Anything else, a request with neither
 * included, is 403 before Remix sees it (docs/security.md).
 */
export function rejectCrossSiteWrites(appUrl: string): RequestHandler {
  const appOrigin = new URL(appUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const ours = (address: string | undefined) => {
      const url = parse(address);
      return url !== undefined && (url.origin === appOrigin || url.host === req.get('host'));
    };
    const site = req.get('sec-fetch-site');
    const crossSiteFetch = site !== undefined && site !== 'same-origin' && site !== 'none';
    const origin = req.get('origin');
    const allowed = !crossSiteFetch && (origin !== undefined ? ours(origin) : ours(req.get('referer')));
    if (allowed) return next();
    res.status(403).type('text/plain').send('Forbidden: cross-site request');
  };
}

function parse(address: string | undefined) {
  if (address === undefined) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
