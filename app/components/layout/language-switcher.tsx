import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { languageNames, supportedLanguages } from '~/i18n/config';

/** Plain links with ?lng=: work without JavaScript, and the server remembers the choice. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t('language.label')} className="languages">
      <ul>
        {supportedLanguages.map((language) => {
          const params = new URLSearchParams(location.search);
          params.set('lng', language);
          const current = i18n.language === language;
          return (
            <li key={language}>
              <Link
                to={`${location.pathname}?${params}`}
                lang={language}
                hrefLang={language}
                aria-current={current ? 'true' : undefined}
                reloadDocument
              >
                {languageNames[language]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
