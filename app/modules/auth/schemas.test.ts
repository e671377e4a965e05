import { describe, expect, it } from 'vitest';
import { NewPasswordFormSchema, SignUpSchema } from './schemas';

const errorsOf = (input: unknown) => {
  const result = SignUpSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('sign-up schema', () => {
  it('accepts a 12-character password and lower-cases the address', () => {
    const result = SignUpSchema.parse({ email: '  Ales@Example.ORG ', password: 'twelve chars' });
    expect(result.email).toBe('ales@example.org');
  });

  it('refuses a password shorter than 12 characters with a translation key', () => {
    expect(errorsOf({ email: 'a@example.org', password: 'eleven char' })).toEqual(['validation.passwordTooShort']);
  });

  it('accepts exactly 72 bytes and refuses 73, counting bytes rather than letters', () => {
    expect(errorsOf({ email: 'a@example.org', password: 'a'.repeat(72) })).toEqual([]);
    expect(errorsOf({ email: 'a@example.org', password: 'a'.repeat(73) })).toEqual(['validation.passwordTooLong']);
    // 37 Cyrillic letters are 74 bytes in UTF-8: refused, although only 37 characters long.
    expect(errorsOf({ email: 'a@example.org', password: 'ў'.repeat(37) })).toEqual(['validation.passwordTooLong']);
  });

  it('refuses a malformed or missing address', () => {
    expect(errorsOf({ email: 'not-an-address', password: 'a'.repeat(12) })).toEqual(['validation.emailInvalid']);
    expect(errorsOf({ password: 'a'.repeat(12) })).toEqual(['validation.emailRequired']);
  });
});

describe('new password form', () => {
  it('requires the two passwords to match', () => {
    const result = NewPasswordFormSchema.safeParse({ password: 'a'.repeat(12), confirm: 'b'.repeat(12) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['confirm'], message: 'validation.passwordsDiffer' });
  });
});
