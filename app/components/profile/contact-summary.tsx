import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Badge } from '~/components/ui/badge';
import type { ContactKind } from '~/modules/profiles/profile-model';

/**
 * The contact channels on the overview: marked private, outside the count of sections, named by
 * kind only (their values stay on their own step's page).
 */
export function ContactSummary({ kinds }: { kinds: ContactKind[] }) {
  const { t } = useTranslation('profile');
  return (
    <section aria-labelledby="contact-summary-title">
      <h2 id="contact-summary-title">
        {t('steps.contact')} <Badge tone="info">{t('overview.privateBadge')}</Badge>
      </h2>
      <p>{t('overview.contactPrivate')}</p>
      <p className="muted">
        {kinds.length > 0 ? t('overview.contactGiven', { kinds: kinds.map((kind) => t(`contact.kinds.${kind}`)).join(', ') }) : t('overview.contactNone')}
      </p>
      <ul className="links">
        <li>
          <Link to="/account/profile/contact">{t('overview.changeContact')}</Link>
        </li>
      </ul>
    </section>
  );
}
