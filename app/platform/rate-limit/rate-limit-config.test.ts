import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.server';
import { rateLimitAddress } from './client-address.server';
import { DEFAULT_RATE_LIMITS, parseRateLimitOverrides, ruleFor } from './rules';
import { isTrustedProxyList } from './trusted-proxies';

const variableOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
};

describe('RATE_LIMITS', () => {
  it('changes the named limits and keeps the others', () => {
    const overrides = parseRateLimitOverrides('sign-in-address=50/900, contact-organizer=2/60')!;
    expect(ruleFor('sign-in-address', overrides)).toEqual({ limit: 50, windowSeconds: 900 });
    expect(ruleFor('contact-organizer', overrides)).toEqual({ limit: 2, windowSeconds: 60 });
    expect(ruleFor('sign-in-account', overrides)).toEqual(DEFAULT_RATE_LIMITS['sign-in-account']);
  });

  it('refuses unknown buckets, zero limits, long windows and other shapes', () => {
    for (const value of ['nope=1/60', 'sign-in-address=0/60', 'sign-in-address=5/90000', 'sign-in-address=5', 'sign-in-address=5/60;x']) {
      expect(parseRateLimitOverrides(value), value).toBeNull();
      expect(variableOf({ RATE_LIMITS: value }), value).toBe('RATE_LIMITS');
    }
  });

  it('per-address limits are generous, per-account ones tight (Tor and VPN users share addresses)', () => {
    expect(DEFAULT_RATE_LIMITS['sign-in-address'].limit).toBeGreaterThanOrEqual(10 * DEFAULT_RATE_LIMITS['sign-in-account'].limit);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('defaults to loopback, as the README says; none trusts nobody', () => {
    expect(parseConfig({}).trustedProxies).toEqual(['loopback']);
    expect(parseConfig({ TRUSTED_PROXIES: 'none' }).trustedProxies).toBe(false);
    expect(parseConfig({ TRUSTED_PROXIES: '10.0.0.0/8, loopback, ::1' }).trustedProxies).toEqual(['10.0.0.0/8', 'loopback', '::1']);
  });

  it('refuses names, hosts and masks it cannot mean', () => {
    for (const value of ['everyone', 'proxy.example.org', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', '', 'none,loopback']) {
      expect(isTrustedProxyList(value), value).toBe(false);
    }
  });
});

describe('SESSION_IDLE_MINUTES', () => {
  it('defaults to 12 hours and accepts 5 minutes to 14 days', () => {
    expect(parseConfig({}).sessionIdleMinutes).toBe(720);
    expect(parseConfig({ SESSION_IDLE_MINUTES: '30' }).sessionIdleMinutes).toBe(30);
    for (const value of ['4', '20161', '1.5', 'soon']) expect(variableOf({ SESSION_IDLE_MINUTES: value }), value).toBe('SESSION_IDLE_MINUTES');
  });
});

describe('the address a client is counted by', () => {
  it('is the IPv4 address, an IPv4-mapped one unwrapped, and an IPv6 /64', () => {
    expect(rateLimitAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(rateLimitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddress(undefined)).toBe('unknown');
  });
});
