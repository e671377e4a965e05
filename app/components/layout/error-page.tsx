import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * A friendly, translated page for 404, 403, other refused requests, a database that does not
 * answer (503, see server/database-outage.ts), and what went wrong on our side.
 */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const kind =
    status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status === 503 ? 'unavailable' : status < 500 ? 'badRequest' : 'generic';
  return (
    <section className="narrow" aria-labelledby="error-title">
      <p className="eyebrow">{t('errors.status', { status })}</p>
      <h1 id="error-title">{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </section>
  );
}
