import { parseWithZod } from '@conform-to/zod';
import { describe, expect, it } from 'vitest';
import { CheckInSchema } from './check-in-schema';

/** The check-in form: codes as people type them are accepted; anything else gets a key. */
const parse = (code: string | null) => {
  const form = new FormData();
  if (code !== null) form.set('code', code);
  return parseWithZod(form, { schema: CheckInSchema });
};
const errors = (code: string | null) => {
  const submission = parse(code);
  return submission.status === 'success' ? null : submission.reply().error;
};

describe('CheckInSchema', () => {
  it('reads a code however it is typed', () => {
    for (const typed of ['K7MQ2XPA', 'k7mq-2xpa', ' K7MQ 2XPA ']) {
      expect(parse(typed)).toMatchObject({ status: 'success', value: { code: 'K7MQ2XPA' } });
    }
  });

  it('refuses an empty, a short or an ambiguous code with a key', () => {
    expect(errors(null)).toEqual({ code: ['errors.codeRequired'] });
    expect(errors('   ')).toEqual({ code: ['errors.codeRequired'] });
    expect(errors('ABC')).toEqual({ code: ['errors.codeFormat'] });
    expect(errors('K7MQ2XP0')).toEqual({ code: ['errors.codeFormat'] });
    expect(errors('x'.repeat(100))).toEqual({ code: ['errors.codeFormat'] });
  });
});
