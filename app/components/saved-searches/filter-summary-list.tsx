import { useTranslation } from 'react-i18next';
import type { SummaryItem } from '~/modules/saved-searches/filter-summary';

/** A saved search's filters as a short list of sentences; "no filters" when there are none. */
export function FilterSummaryList({ items, labelledBy }: { items: SummaryItem[]; labelledBy?: string }) {
  const { t } = useTranslation('savedSearches');
  if (items.length === 0) return <p className="muted">{t('new.noFilters')}</p>;
  return (
    <ul className="filter-summary" aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.kind}>{describe(item, t)}</li>
      ))}
    </ul>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function describe(item: SummaryItem, t: T): string {
  switch (item.kind) {
    case 'skills': {
      const skills = t(item.all ? 'summary.skillsAll' : 'summary.skillsAny', { names: item.names });
      return item.minLevel ? `${skills} ${t('summary.skillLevel', { level: item.minLevel })}` : skills;
    }
    case 'language':
      return item.minLevel ? t('summary.languageLevel', { value: item.value, level: item.minLevel }) : t('summary.language', { value: item.value });
    case 'mode':
      return t(`summary.${item.value}`);
    case 'hours':
      return t('summary.hours', { count: item.value });
    default:
      return t(`summary.${item.kind}`, { value: item.value });
  }
}
