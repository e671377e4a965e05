import { useTranslation } from 'react-i18next';
import { ButtonLink } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { whoSeesWhat } from '~/modules/profiles/first-steps';
import { AUDIENCES, type Audience, type ProfilePart } from '~/modules/profiles/profile-model';

/**
 * After the last step: what is visible now, grouped by who sees it, and that contact details
 * stay with the member. Replaces the overview's "who sees what" section while it shows.
 */
export function FinishCard({ audiences }: { audiences: Record<ProfilePart, Audience> }) {
  const { t } = useTranslation('profile');
  const seen = whoSeesWhat(audiences);
  const nothingOpen = seen.members.length + seen.organizers.length === 0;
  return (
    <Card
      as="section"
      className="finish"
      title={t('finish.title')}
      actions={
        <ButtonLink to="/account/profile/visibility" variant="secondary">
          {t('overview.changeVisibility')}
        </ButtonLink>
      }
    >
      {nothingOpen ? (
        <p>{t('finish.nothingOpen')}</p>
      ) : (
        // Widest first: what a stranger with an account may see matters most.
        [...AUDIENCES].reverse().map((audience) =>
          seen[audience].length > 0 ? (
            <div key={audience} className="audience-group">
              <h3 id={`finish-${audience}`}>{t(`finish.${audience}`)}</h3>
              <ul aria-labelledby={`finish-${audience}`}>
                {seen[audience].map((part) => (
                  <li key={part}>{t(`parts.${part}`)}</li>
                ))}
              </ul>
            </div>
          ) : null,
        )
      )}
      <p>{t('finish.contact')}</p>
      <p className="muted">{t('finish.changeAnyTime', { hide: t('hide.button') })}</p>
    </Card>
  );
}
