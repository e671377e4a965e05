import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Meter } from '~/components/ui/meter';
import type { Completeness } from '~/modules/profiles/completeness';

/**
 * How complete the profile is: a bar with the percentage, "4 of 7 sections filled in", and,
 * where asked, what is still empty, each a link to its step.
 */
export function CompletenessMeter({ completeness, listMissing = false }: { completeness: Completeness; listMissing?: boolean }) {
  const { t } = useTranslation('profile');
  const { count, total, percent, missing } = completeness;
  return (
    <div className="completeness">
      <Meter value={percent} max={100} label={t('completeness.label')} valueText={t('completeness.value', { percent })} />
      <p>{t('overview.completeness', { done: count, total })}</p>
      {listMissing && missing.length > 0 ? (
        <>
          <h3 id="missing-steps">{t('completeness.missingTitle')}</h3>
          <ul className="missing-steps" aria-labelledby="missing-steps">
            {missing.map((step) => (
              <li key={step}>
                <Link to={`/account/profile/${step}`}>{t(`steps.${step}`)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {listMissing && missing.length === 0 ? <p>{t('completeness.complete')}</p> : null}
    </div>
  );
}
