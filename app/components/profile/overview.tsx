import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Notice } from '~/components/ui/notice';
import { CONTENT_STEPS } from '~/modules/profiles/completeness';
import type { Audience, ContactKind, ProfilePart, ProfileStep } from '~/modules/profiles/profile-model';
import { CompletenessMeter } from './completeness-meter';
import { ContactSummary } from './contact-summary';
import { VisibilitySummary } from './visibility-summary';

type Props = {
  done: ProfileStep[];
  audiences: Record<ProfilePart, Audience>;
  contactKinds: ContactKind[];
  saved: ProfileStep | null;
};

/** The editor's start page: how complete the profile is, a link to each step, who sees what. */
export function ProfileOverview({ done, audiences, contactKinds, saved }: Props) {
  const { t } = useTranslation('profile');
  return (
    <section className="narrow" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title')}</h1>
      {saved ? <Notice tone="success">{t('editor.saved', { step: t(`steps.${saved}`) })}</Notice> : null}
      <p>{t('overview.intro')}</p>
      <CompletenessMeter count={done.length} total={CONTENT_STEPS.length} />
      <ol className="step-list">
        {CONTENT_STEPS.map((step) => (
          <li key={step}>
            <Link to={`/account/profile/${step}`}>{t(`steps.${step}`)}</Link>{' '}
            <span className="muted">{t(done.includes(step) ? 'overview.filled' : 'overview.empty')}</span>
          </li>
        ))}
      </ol>
      <ContactSummary kinds={contactKinds} />
      <h2>{t('steps.visibility')}</h2>
      <VisibilitySummary audiences={audiences} />
      <ul className="links">
        <li>
          <Link to="/account/profile/visibility">{t('overview.changeVisibility')}</Link>
        </li>
        <li>
          <Link to="/account/files">{t('account.files')}</Link>
        </li>
      </ul>
    </section>
  );
}
