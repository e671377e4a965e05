/**
 * i18next settings shared by the server and the browser.
 * Belarusian is the default; detection order is ?lng= → cookie → Accept-Language → be.
 */
export const supportedLanguages = ['be', 'en', 'pl'] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = 'be';

export const languageNames: Record<Language, string> = {
  be: 'Беларуская',
  en: 'English',
  pl: 'Polski',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

export default {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: 'common',
  ns: ['common'],
  react: { useSuspense: false },
  interpolation: { escapeValue: false },
};
