import type { i18n as I18n, InitOptions } from 'i18next';
import { localeResources } from './locales.server';

/** Initialises a per-request i18next instance from the translations held in memory. */
export async function createServerI18n(instance: I18n, language: string, namespaces: string[], config: InitOptions) {
  await instance.init({
    ...config,
    lng: language,
    ns: ['common', ...namespaces],
    resources: localeResources(),
  });
  return instance;
}
