import { useTranslation } from 'react-i18next';

/** "4 of 7 sections filled in", as text and as a progress bar named by that text. */
export function CompletenessMeter({ count, total }: { count: number; total: number }) {
  const { t } = useTranslation('profile');
  return (
    <div className="completeness">
      <p id="completeness-label">{t('overview.completeness', { done: count, total })}</p>
      <progress max={total} value={count} aria-labelledby="completeness-label" />
    </div>
  );
}
