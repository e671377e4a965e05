/**
 * The rate limits of the app (issue 7, acceptance 3; ADR 026): each bucket counts attempts per
 * hashed key (an account's e-mail, a client address, an organizer) over a sliding window.
 * Above half its limit a bucket slows answers down; past the limit it refuses them.
 *
 * Per-address limits are generous on purpose: many members share a Tor exit, a VPN or a NAT
 * (SECURITY: do not block Tor or VPN users). Per-account and per-e-mail limits are tight. Any
 * limit can be changed with RATE_LIMITS (`bucket=limit/seconds,…`), read once at start.
 */

export type RateLimitRule = { limit: number; windowSeconds: number };

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;

export const DEFAULT_RATE_LIMITS = {
  /** Failed sign-ins for one e-mail address, known or not (a success gives its attempt back). */
  'sign-in-account': { limit: 10, windowSeconds: QUARTER_HOUR },
  /** Failed sign-ins from one client address (credential stuffing across accounts). */
  'sign-in-address': { limit: 200, windowSeconds: QUARTER_HOUR },
  /** Sign-up, reset and magic-link requests: per e-mail address (mail bombing)… */
  'sign-up-email': { limit: 5, windowSeconds: HOUR },
  'reset-email': { limit: 5, windowSeconds: HOUR },
  'magic-link-email': { limit: 5, windowSeconds: HOUR },
  /** …and per client address (mass mailing). */
  'sign-up-address': { limit: 200, windowSeconds: QUARTER_HOUR },
  'reset-address': { limit: 200, windowSeconds: QUARTER_HOUR },
  'magic-link-address': { limit: 200, windowSeconds: QUARTER_HOUR },
  /** Contact requests per organizer, on top of the daily quota kept in SQL. */
  'contact-organizer': { limit: 5, windowSeconds: 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitBucket = keyof typeof DEFAULT_RATE_LIMITS;
export type RateLimitOverrides = Partial<Record<RateLimitBucket, RateLimitRule>>;

const isBucket = (name: string): name is RateLimitBucket => Object.hasOwn(DEFAULT_RATE_LIMITS, name);

/** `sign-in-address=50/900, contact-organizer=2/60` → overrides; null when anything is wrong. */
export function parseRateLimitOverrides(value: string): RateLimitOverrides | null {
  const overrides: RateLimitOverrides = {};
  if (value.trim() === '') return overrides;
  for (const part of value.split(',')) {
    const match = /^\s*([a-z-]+)\s*=\s*(\d{1,6})\s*\/\s*(\d{1,5})\s*$/.exec(part);
    if (!match || !isBucket(match[1]!)) return null;
    const limit = Number(match[2]);
    const windowSeconds = Number(match[3]);
    if (limit < 1 || windowSeconds < 1 || windowSeconds > 86_400) return null;
    overrides[match[1]] = { limit, windowSeconds };
  }
  return overrides;
}

export function ruleFor(bucket: RateLimitBucket, overrides: RateLimitOverrides = {}): RateLimitRule {
  return overrides[bucket] ?? DEFAULT_RATE_LIMITS[bucket];
}
