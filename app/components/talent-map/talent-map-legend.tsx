import { useTranslation } from 'react-i18next';
import type { LegendStep } from '~/modules/directory/talent-map-shape';

/** What each shade of the map means: none, fewer than 5, and the ranges of the exact shades. */
export function TalentMapLegend({ steps }: { steps: LegendStep[] }) {
  const { t } = useTranslation('talentMap');
  const entries = [
    { shade: 0, label: t('legend.none') },
    { shade: 1, label: t('legend.few') },
    ...steps.map((step) => ({ shade: step.shade, label: t('legend.range', { from: step.from, to: step.to }) })),
  ];
  return (
    <section className="talent-map-legend" aria-labelledby="talent-map-legend-title">
      <h2 id="talent-map-legend-title">{t('legend.title')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.shade}>
            <span className={`talent-map-swatch shade-${entry.shade}`} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
