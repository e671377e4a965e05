import { describe, expect, it } from 'vitest';
import { ContactSchema } from './contact-schema';

const parse = (fields: Record<string, unknown>) => ContactSchema.safeParse(fields);
const errorsOf = (fields: Record<string, unknown>) =>
  Object.fromEntries((parse(fields).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('the contact step', () => {
  it('stores nothing for fields left empty or holding only spaces', () => {
    expect(parse({ email: '', telegram: '   ' }).data).toEqual({ email: null, telegram: null, signal: null, phone: null });
  });

  it('keeps an e-mail address as typed, trimmed', () => {
    expect(parse({ email: '  Alesia.K@Example.org ' }).data?.email).toBe('Alesia.K@Example.org');
    expect(errorsOf({ email: 'alesia@' })).toEqual({ email: 'errors.emailInvalid' });
    expect(errorsOf({ email: `${'a'.repeat(110)}@example.org` })).toEqual({ email: 'errors.emailTooLong' });
  });

  it.each([
    ['@kvitka_22', '@kvitka_22'],
    ['kvitka_22', '@kvitka_22'],
    ['t.me/kvitka_22', '@kvitka_22'],
    ['https://t.me/kvitka_22/', '@kvitka_22'],
    ['http://www.telegram.me/@Kvitka_22', '@Kvitka_22'],
  ])('turns the Telegram name or link %s into %s', (typed, stored) => {
    expect(parse({ telegram: typed }).data?.telegram).toBe(stored);
  });

  it.each(['@abcd', `@${'a'.repeat(33)}`, '@kvitka-22', '@квітка_22', 't.me/+AbCdEfGhIjK', 't.me/joinchat/kvitka_22', 'https://evil.example/kvitka_22'])(
    'refuses %s as a Telegram name',
    (typed) => {
      expect(errorsOf({ telegram: typed })).toEqual({ telegram: 'errors.telegramInvalid' });
    },
  );

  it('takes a Signal username or a phone number, and nothing else', () => {
    expect(parse({ signal: 'kvitka.07' }).data?.signal).toBe('kvitka.07');
    expect(parse({ signal: '@kvitka.07' }).data?.signal).toBe('kvitka.07');
    expect(parse({ signal: '+48 600-123 456' }).data?.signal).toBe('+48600123456');
    for (const typed of ['kvitka', '7kvitka.07', 'kv.07', 'kvitka.7', '48 600 123 456', 'https://signal.me/#eu/abc']) {
      expect([typed, errorsOf({ signal: typed })]).toEqual([typed, { signal: 'errors.signalInvalid' }]);
    }
  });

  it('takes a phone number in international format, without its spaces and dashes', () => {
    expect(parse({ phone: '+375 29 123-45-67' }).data?.phone).toBe('+375291234567');
    expect(parse({ phone: '+1234567' }).data?.phone).toBe('+1234567');
    for (const typed of ['+123456', `+${'1'.repeat(16)}`, '0048 600 123 456', '+48 (600) 123 456', '+48 600 ABC', '+']) {
      expect([typed, errorsOf({ phone: typed })]).toEqual([typed, { phone: 'errors.phoneInvalid' }]);
    }
  });

  it('refuses a field sent twice with the field’s own message', () => {
    expect(errorsOf({ phone: ['+48600123456', '+48600123457'] })).toEqual({ phone: 'errors.phoneInvalid' });
  });
});
