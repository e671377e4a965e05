import { describe, expect, it } from 'vitest';
import { secondFactorIsFresh } from './second-factor-age';

const now = Date.UTC(2026, 10, 29, 12, 0, 0);
const secondsAgo = (seconds: number) => Math.floor(now / 1000) - seconds;

describe('secondFactorIsFresh', () => {
  it('holds for 12 hours after the code was given', () => {
    expect(secondFactorIsFresh([{ method: 'totp', timestamp: secondsAgo(60) }], now)).toBe(true);
    expect(secondFactorIsFresh([{ method: 'totp', timestamp: secondsAgo(12 * 3600 - 1) }], now)).toBe(true);
  });

  it('ends at 12 hours, whatever the password entry says', () => {
    const methods = [
      { method: 'totp', timestamp: secondsAgo(12 * 3600) },
      { method: 'password', timestamp: secondsAgo(60) },
    ];
    expect(secondFactorIsFresh(methods, now)).toBe(false);
  });

  it('is false without a totp entry', () => {
    expect(secondFactorIsFresh([{ method: 'password', timestamp: secondsAgo(1) }], now)).toBe(false);
    expect(secondFactorIsFresh(undefined, now)).toBe(false);
    expect(secondFactorIsFresh(['totp'], now)).toBe(false);
  });
});
