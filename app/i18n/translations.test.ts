import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from './config';

/**
 * Every visible string exists in be, en and pl with the same keys; counted strings carry the
 * plural forms each language needs; Belarusian is not Russian.
 */
const root = path.resolve('public/locales');
type Tree = { [key: string]: string | string[] | Tree };

const load = (language: string) =>
  Object.fromEntries(
    readdirSync(path.join(root, language))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(root, language, file), 'utf8')) as Tree]),
  );

const flatten = (tree: Tree | string[], prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const name = `${prefix}${key}`;
    if (typeof value === 'string') all[name] = value;
    else Object.assign(all, flatten(value, `${name}.`));
    return all;
  }, {});

const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralForms: Record<string, string[]> = { be: ['few', 'many', 'one', 'other'], en: ['one', 'other'], pl: ['few', 'many', 'one', 'other'] };

const strings = Object.fromEntries(
  supportedLanguages.map((language) => {
    const namespaces = load(language);
    const all: Record<string, string> = {};
    for (const [namespace, tree] of Object.entries(namespaces)) Object.assign(all, flatten(tree, `${namespace}:`));
    return [language, all];
  }),
) as Record<string, Record<string, string>>;

const baseKeys = (language: string) => [...new Set(Object.keys(strings[language]!).map((key) => key.replace(PLURAL, '')))].sort();

describe('translations', () => {
  it.each(['en', 'pl'])('%s has exactly the keys of be', (language) => {
    expect(baseKeys(language)).toEqual(baseKeys('be'));
  });

  it.each(supportedLanguages)('%s has no empty string', (language) => {
    const empty = Object.entries(strings[language]!).filter(([, value]) => value.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(supportedLanguages)('%s gives every counted string its plural forms', (language) => {
    const counted = new Map<string, string[]>();
    for (const key of Object.keys(strings[language]!)) {
      const match = PLURAL.exec(key);
      if (!match) continue;
      const base = key.replace(PLURAL, '');
      counted.set(base, [...(counted.get(base) ?? []), match[1]!].sort());
    }
    for (const [base, forms] of counted) expect([base, forms]).toEqual([base, pluralForms[language]]);
  });

  it('Belarusian uses no letter that Belarusian does not have (и, щ, ъ)', () => {
    const russian = Object.entries(strings.be!).filter(([, value]) => /[ищъИЩЪ]/.test(value));
    expect(russian).toEqual([]);
  });

  it('interpolations are the same in every language', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(strings.be!)) {
      for (const language of ['en', 'pl']) {
        const other = strings[language]![key] ?? strings[language]![`${key.replace(PLURAL, '')}_other`];
        if (other !== undefined) expect([key, variables(other)]).toEqual([key, variables(value)]);
      }
    }
  });
});
