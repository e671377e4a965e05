import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../app/i18n/config';

/**
 * The texts a page shows, read from public/locales/<language>/<namespace>.json, so that a test
 * finds elements by the names a reader hears without copying translations that keep changing.
 * `t('profile:steps.identity')`, `t('nav.signIn')` (common), with {{values}} and plural forms
 * (`count`). A key the language lacks throws, instead of quietly matching another language.
 */
export type Texts = (key: string, values?: Record<string, string | number>) => string;

export function localeTexts(language: Language): Texts {
  const namespaces = new Map<string, unknown>();
  const load = (namespace: string) => {
    if (!namespaces.has(namespace)) {
      const file = path.resolve('public/locales', language, `${namespace}.json`);
      namespaces.set(namespace, JSON.parse(readFileSync(file, 'utf8')));
    }
    return namespaces.get(namespace);
  };
  const lookup = (namespace: string, key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], load(namespace));

  return (fullKey, values = {}) => {
    const [namespace, key] = fullKey.includes(':') ? (fullKey.split(':') as [string, string]) : ['common', fullKey];
    const plural = typeof values.count === 'number' ? `${key}_${new Intl.PluralRules(language).select(values.count)}` : null;
    const text = (plural && lookup(namespace, plural)) ?? lookup(namespace, key);
    if (typeof text !== 'string') throw new Error(`No text "${fullKey}" in ${language}`);
    return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
  };
}
