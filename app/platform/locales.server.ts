import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from 'i18next';
import { supportedLanguages } from '~/i18n/config';

const ROOT = path.resolve('public/locales');
let cached: Resource | null = null;

/**
 * Every translation of every namespace, read from public/locales once per process: a page
 * rendered per request must not re-read dozens of JSON files from disk (it was a tenth of the
 * search page's server time). In development they are read again on each call, so an edited
 * file shows on the next request.
 */
export function localeResources(): Resource {
  if (cached && process.env.NODE_ENV !== 'development') return cached;
  const resources: Resource = {};
  for (const language of supportedLanguages) {
    resources[language] = {};
    for (const file of readdirSync(path.join(ROOT, language))) {
      if (!file.endsWith('.json')) continue;
      resources[language]![file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(ROOT, language, file), 'utf8'));
    }
  }
  cached = resources;
  return resources;
}
