import { useTranslation } from 'react-i18next';
import { PROFILE_PARTS, type Audience, type ProfilePart } from '~/modules/profiles/profile-model';

/** Who sees the profile now, in one sentence, and the opened parts with their audience. */
export function VisibilitySummary({ audiences }: { audiences: Record<ProfilePart, Audience> }) {
  const { t } = useTranslation('profile');
  const open = PROFILE_PARTS.filter((part) => audiences[part] !== 'only_me');
  if (open.length === 0) return <p>{t('overview.hiddenFromEveryone')}</p>;
  return (
    <>
      <p>{t('overview.partlyOpen')}</p>
      <ul>
        {open.map((part) => (
          <li key={part}>
            {t('overview.partAudience', { part: t(`parts.${part}`), audience: t(`audienceNames.${audiences[part]}`) })}
          </li>
        ))}
      </ul>
    </>
  );
}
