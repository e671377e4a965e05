import { describe, expect, it } from 'vitest';
import { CodeSchema } from './second-factor-schemas';

describe('CodeSchema', () => {
  it('accepts six digits, with spaces dropped', () => {
    expect(CodeSchema.parse('123 456')).toBe('123456');
  });

  it('refuses anything else with a translation key', () => {
    for (const bad of ['12345', '1234567', 'abcdef', '']) {
      const result = CodeSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('validation.codeFormat');
    }
  });
});
