import type { MetaFunction } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'privacy'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'privacy');

const sections = ['collect', 'whoSees', 'organizers', 'never', 'yourRights', 'safety'] as const;

/** Who can see what, in plain words. */
export default function Privacy() {
  const { t } = useTranslation('privacy');
  return (
    <article className="narrow prose" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`${section}.title`)}</h2>
          <ul>
            {(t(`${section}.points`, { returnObjects: true }) as string[]).map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
