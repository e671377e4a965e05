import path from 'node:path';
import type { i18n as I18n, InitOptions } from 'i18next';
import Backend from 'i18next-fs-backend';

/** Initialises a per-request i18next instance that reads public/locales from disk. */
export async function createServerI18n(instance: I18n, language: string, namespaces: string[], config: InitOptions) {
  await instance.use(Backend).init({
    ...config,
    lng: language,
    ns: ['common', ...namespaces],
    backend: { loadPath: path.resolve('public/locales/{{lng}}/{{ns}}.json') },
  });
  return instance;
}
