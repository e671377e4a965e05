import type { MetaFunction } from '@remix-run/node';
import { Link, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/modules/i18n/page-title';
import type { RootData } from '~/root';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'brand');

export default function Home() {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>('root');
  const points = ['skills', 'privacy', 'events'] as const;
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {root?.user ? (
          <Link to="/account" className="button">
            {t('home.toAccount')}
          </Link>
        ) : (
          <div className="actions">
            <Link to="/sign-up" className="button">
              {t('home.join')}
            </Link>
            <Link to="/sign-in" className="button secondary">
              {t('nav.signIn')}
            </Link>
          </div>
        )}
      </section>
      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <ul className="cards">
          {points.map((point) => (
            <li key={point} className="card">
              <h3>{t(`home.points.${point}.title`)}</h3>
              <p>{t(`home.points.${point}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="talaka-title">
        <h2 id="talaka-title">{t('home.nameTitle')}</h2>
        <p>{t('home.nameBody')}</p>
      </section>
    </>
  );
}
