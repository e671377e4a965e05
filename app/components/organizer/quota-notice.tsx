import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * What an organizer sees when a quota is used up (a 429): the texts `quota.status`, `.title`,
 * `.body` and `.back` of the namespace of the thing counted (searches, profile views, map views).
 */
export function QuotaNotice({ namespace, back }: { namespace: string; back: string }) {
  const { t } = useTranslation(namespace);
  return (
    <section className="narrow" aria-labelledby="quota-title">
      <p className="eyebrow">{t('quota.status')}</p>
      <h1 id="quota-title">{t('quota.title')}</h1>
      <p>{t('quota.body')}</p>
      <p>
        <Link to={back}>{t('quota.back')}</Link>
      </p>
    </section>
  );
}
