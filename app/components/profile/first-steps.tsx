import { useTranslation } from 'react-i18next';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { AUDIENCES, PROFILE_STEPS } from '~/modules/profiles/profile-model';

/**
 * The welcome on the account page of a member who never started their profile: what Talaka
 * keeps, who may see what (the three audiences, contact details never, nothing until they
 * choose), and the way into step 1. A link, so it needs no JavaScript.
 */
export function FirstSteps() {
  const { t } = useTranslation('profile');
  const first = PROFILE_STEPS[0];
  return (
    <Card
      as="section"
      className="first-steps"
      title={t('firstSteps.title')}
      actions={<ButtonLink to={`/account/profile/${first}`}>{t('firstSteps.start', { step: t(`steps.${first}`) })}</ButtonLink>}
    >
      <p>{t('firstSteps.intro', { total: PROFILE_STEPS.length })}</p>
      <h3>{t('firstSteps.whoTitle')}</h3>
      <p>{t('firstSteps.hiddenUntil')}</p>
      <dl className="audience-list">
        {AUDIENCES.map((audience) => (
          <div key={audience}>
            <dt>{t(`visibility.audiences.${audience}.label`)}</dt>
            <dd>{t(`firstSteps.audiences.${audience}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('firstSteps.contactNever')}</p>
      <h3>{t('firstSteps.keepsTitle')}</h3>
      <p>{t('firstSteps.keeps')}</p>
      <p className="muted">{t('firstSteps.later', { link: t('account.editProfile') })}</p>
    </Card>
  );
}
