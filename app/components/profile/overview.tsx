import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Notice } from '~/components/ui/notice';
import { CONTENT_STEPS } from '~/modules/profiles/completeness';
import type { Audience, ProfilePart, ProfileStep } from '~/modules/profiles/profile-model';
import { CompletenessMeter } from './completeness-meter';
import { VisibilitySummary } from './visibility-summary';

type Props = {
  done: ProfileStep[];
  audiences: Record<ProfilePart, Audience>;
  saved: ProfileStep | null;
};

/** The editor's start page: how complete the profile is and a link to each step. */
export function ProfileOverview({ done, audiences, saved }: Props) {
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
