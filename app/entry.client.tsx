import { RemixBrowser } from '@remix-run/react';
import i18next, { type BackendModule } from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { getInitialNamespaces } from 'remix-i18next/client';
import i18nConfig from '~/i18n/config';

/**
 * Loads a namespace's translations from /locales with the browser's own fetch. i18next-http-backend
 * and the fetch polyfill it brings (cross-fetch) cost 6 KB of gzipped script on every page, for
 * browsers we do not support (the directory's budget is 120 KB).
 */
const LocaleBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    fetch(`/locales/${language}/${namespace}.json`)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status} ${response.url}`))))
      .then(
        (data) => callback(null, data),
        (error: Error) => callback(error, false),
      );
  },
};

/** The browser takes the language from <html lang>, which the server set. */
async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(LocaleBackend)
    .init({
      ...i18nConfig,
      lng: document.documentElement.lang,
      // Every language has every key (a test checks), so the browser loads only the page's own.
      fallbackLng: false,
      ns: getInitialNamespaces(),
      detection: undefined,
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
