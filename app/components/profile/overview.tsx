import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Toast } from '~/components/ui/toast';
import { CONTENT_STEPS, type Completeness } from '~/modules/profiles/completeness';
import type { Audience, ContactKind, ProfilePart, ProfileStep } from '~/modules/profiles/profile-model';
import { CompletenessMeter } from './completeness-meter';
import { ContactSummary } from './contact-summary';
import { FinishCard } from './finish-card';
import { VisibilitySummary } from './visibility-summary';

type Props = {
  completeness: Completeness;
  audiences: Record<ProfilePart, Audience>;
  contactKinds: ContactKind[];
  saved: ProfileStep | null;
};

/**
 * The editor's start page: how complete the profile is, a link to each step, who sees what.
 * Right after the last step it opens with the finish: what is visible now, and to whom.
 */
export function ProfileOverview({ completeness, audiences, contactKinds, saved }: Props) {
  const { t } = useTranslation('profile');
  const finished = saved === 'visibility';
  return (
    <section className="narrow" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title')}</h1>
      {saved && !finished ? <Toast tone="success">{t('editor.saved', { step: t(`steps.${saved}`) })}</Toast> : null}
      {finished ? <FinishCard audiences={audiences} /> : null}
      <p>{t('overview.intro')}</p>
      <CompletenessMeter completeness={completeness} />
      <ol className="step-list">
        {CONTENT_STEPS.map((step) => (
          <li key={step}>
            <Link to={`/account/profile/${step}`}>{t(`steps.${step}`)}</Link>{' '}
            <span className="muted">{t(completeness.done.includes(step) ? 'overview.filled' : 'overview.empty')}</span>
          </li>
        ))}
      </ol>
      <ContactSummary kinds={contactKinds} />
      {finished ? null : (
        <section aria-labelledby="visibility-summary-title">
          <h2 id="visibility-summary-title">{t('steps.visibility')}</h2>
          <VisibilitySummary audiences={audiences} />
        </section>
      )}
      <ul className="links">
        {finished ? null : (
          <li>
            <Link to="/account/profile/visibility">{t('overview.changeVisibility')}</Link>
          </li>
        )}
        <li>
          <Link to="/account/files">{t('account.files')}</Link>
        </li>
      </ul>
    </section>
  );
}
