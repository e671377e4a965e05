import fc from 'fast-check';
import { expect } from 'vitest';
import type { Page } from './http-client';

/**
 * Hostile values for property-based tests of every route (T15): Unicode edge cases, control
 * characters, huge strings, wrong types, impossible dates, prototype keys, injections. Shared
 * by route-fuzzing.test.ts and the form fuzzing tests.
 */

/** One megabyte of Cyrillic (two bytes a letter). */
export const ONE_MEGABYTE = 'ж'.repeat(512 * 1024);

export const hostileStrings = [
  '', ' ', '\u0000', 'a\u0000b', '\u0001\u0002\u0003\u0007\u001b[31m', '\r\n\r\n', '\t', '\uFEFF', '\u202E\u202Dabc', '\u200F\u200E',
  '\u200D\u200C\u2060', '👨‍👩‍👧‍👦', '\uD800', 'x\uDFFFy', '\uFFFD\uFFFF', 'Z̷̢͓̓a̵͕̅l̸̢̈́g̴̙̈́o̶̟̍', 'ǅǈǋ', 'İı', 'ß', '𝔞@𝔟.𝔠',
  '0', '-1', '1e309', 'NaN', 'Infinity', '-0', '9'.repeat(400), '18446744073709551616', '0x1F', '1_000',
  'true', 'false', 'null', 'undefined', '[]', '{}', '[object Object]', '{"a":1}',
  '0000-00-00', '2026-02-30', '9999-12-31T23:59:59Z', '-271821-04-20', '1970-01-01T00:00:00+25:00',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  "' or 1=1 --", "'); drop table app.profiles; --", '\\', '%', '%00', '%zz', '${7*7}', '{{7*7}}', '#{7*7}',
  '<script>window.__xss=1</script>', '"><img src=x onerror=window.__xss=1>', 'javascript:window.__xss=1',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '//evil.example', 'https://evil.example/',
  'members', 'organizers', 'only_me', 'on', 'be', 'en', 'pl', 'warsaw', 'PL', 'create', 'delete', 'rename',
  'x'.repeat(10_000),
];

/** A value for a form field or a query parameter. */
export function fieldValue(options: { huge?: boolean } = {}) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings, ...(options.huge ? [ONE_MEGABYTE] : [])) },
    { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

/** A field name: one the form really has, one with a list or object shape, or nonsense. */
export function fieldName(known: string[]) {
  const odd = ['__proto__', 'constructor', '__intent__', 'intent', 'id', '', '[]', 'a[0]', 'a.b', 'x[99999999]', '__proto__[polluted]'];
  const shaped = known.flatMap((name) => [`${name}[]`, `${name}[0]`, `${name}.x`]);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(known.length > 0 ? known : odd)) },
    { weight: 1, arbitrary: fc.constantFrom(...odd, ...(shaped.length > 0 ? shaped : odd)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  );
}

/**
 * A whole form: the real fields with hostile values, some missing, some repeated, some
 * unknown; the real intents stay likely so that the action goes past its first check.
 */
export function formFields(known: string[], intents: string[], options: { huge?: boolean } = {}) {
  const pairs = fc.array(fc.tuple(fieldName(known), fieldValue(options)), { maxLength: 12 });
  if (intents.length === 0) return pairs;
  return fc.tuple(fc.option(fc.constantFrom(...intents), { nil: undefined, freq: 4 }), pairs).map(([intent, rest]) =>
    intent === undefined ? rest : ([['intent', intent], ...rest] as [string, string][]),
  );
}

/** A query string that still fits in an address (Node refuses heads over 16 KB with a 431). */
export function queryString(known: string[]) {
  return fc
    .array(fc.tuple(fieldName([...known, 'lng', 'page', 'q', 'redirectTo', 'cursor', 'sort']), fieldValue()), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs).toString())
    .filter((query) => query.length < 6000);
}

/** A path parameter: a real id now and then, otherwise anything. */
export function pathParam(real: string[]) {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...(real.length > 0 ? real : ['x'])) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings.filter((value) => value.length < 2000)) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

/** A server that lost its footing: a stack frame, an SQL error, a driver name, a path on disk. */
export const LEAK =
  /\n\s+at .+:\d+:\d+|at [\w.<>]+ \(.+:\d+:\d+\)|node_modules|file:\/\/|\/work\/|\/home\/|\/tmp\/|PostgresError|syntax error at or near|violates (check|foreign key|unique|not-null) constraint|relation "|column "|function app\.|ECONNREFUSED|ZodError|Unexpected Server Error/i;

/** zod's own English messages: a user must never see them, they mean a message was not translated. */
export const UNTRANSLATED = /\b(Required|Invalid input|Expected (string|number|boolean|array|object), received|String must contain|Invalid enum value|Invalid (uuid|email|date|url)|Number must be)\b/;

/** Never a 5xx, never a leak; a refused form is a translated page in the asker's language. */
export function expectCalmAnswer(page: Page, language: 'be' | 'en' | 'pl', context: string) {
  expect(page.status, context).toBeLessThan(500);
  expect(LEAK.exec(page.body)?.[0], context).toBeUndefined();
  const html = (page.headers.get('content-type') ?? '').includes('text/html');
  if (html && page.status >= 400) {
    expect(/<html\b[^>]*\slang="([^"]*)"/.exec(page.body)?.[1], `${context}: the language of the page`).toBe(language);
    expect(UNTRANSLATED.exec(visibleText(page.body))?.[0], `${context}: an untranslated message`).toBeUndefined();
  }
}

/** The page's text without its scripts (route data may carry field names). */
function visibleText(html: string) {
  return html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
}

/**
 * Every fuzz request on a connection of its own (`Connection: close`). An action that answers
 * without reading a 1 MB body (a refused export, say) makes Node close that connection; a client
 * that kept it alive could pick the closing socket for its next request and see a reset that is
 * no answer of the app's.
 */
export const FRESH_CONNECTION = { Connection: 'close' } as const;
