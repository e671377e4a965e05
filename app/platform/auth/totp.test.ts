import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32, matchTotp, otpauthUri, totpCode } from './totp.server';

// RFC 6238 appendix B, SHA-1 rows (the secret is the ASCII "12345678901234567890").
const RFC_SECRET = encodeBase32(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, Math.floor(59 / 30))).toBe('287082');
    expect(totpCode(RFC_SECRET, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpCode(RFC_SECRET, Math.floor(1234567890 / 30))).toBe('005924');
    expect(totpCode(RFC_SECRET, Math.floor(20000000000 / 30))).toBe('353130');
  });

  it('round-trips base32', () => {
    expect(decodeBase32(RFC_SECRET).toString()).toBe('12345678901234567890');
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts one step of drift either way, not two', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), { now })).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), { now })).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), { now })).toBeNull();
  });

  it('refuses a code whose step was already used', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), { now, lastUsedStep: step })).toBeNull();
  });

  it('refuses anything but six digits', () => {
    expect(matchTotp(RFC_SECRET, '12345')).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef')).toBeNull();
  });

  it('builds an otpauth URI with issuer and account', () => {
    expect(otpauthUri('ABCD', { issuer: 'Talaka', account: 'a@example.org' })).toMatch(
      /^otpauth:\/\/totp\/Talaka%3Aa%40example\.org\?secret=ABCD&issuer=Talaka/,
    );
  });
});
