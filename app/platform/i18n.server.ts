import { createCookie } from '@remix-run/node';
import { RemixI18Next } from 'remix-i18next/server';
import i18nConfig, { defaultLanguage, isLanguage, supportedLanguages, type Language } from '~/i18n/config';
import { localeResources } from './locales.server';

/** Remembers the chosen language for a year. Not a secret, so not httpOnly-critical, but kept Lax. */
export const languageCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    searchParamKey: 'lng',
    order: ['searchParams', 'cookie', 'header'],
  },
  // Getters, so the translations are read on first use and, in development, again each time.
  i18next: {
    ...i18nConfig,
    get resources() {
      return localeResources();
    },
  },
});

export async function detectLanguage(request: Request): Promise<Language> {
  const language = await i18nServer.getLocale(request);
  return isLanguage(language) ? language : defaultLanguage;
}

/** A `t` for one language and namespace, for mails and other text made outside React. */
export function translator(language: Language, namespace = 'common') {
  return i18nServer.getFixedT(language, namespace);
}
