import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** What an organizer sees when the hour's talent map views are used up (a 429). */
export function TalentMapQuotaNotice() {
  const { t } = useTranslation('talentMap');
  return (
    <section className="narrow" aria-labelledby="quota-title">
      <p className="eyebrow">{t('quota.status')}</p>
      <h1 id="quota-title">{t('quota.title')}</h1>
      <p>{t('quota.body')}</p>
      <p>
        <Link to="/directory">{t('quota.back')}</Link>
      </p>
    </section>
  );
}
