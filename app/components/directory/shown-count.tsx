import { useTranslation } from 'react-i18next';
import type { FacetCount, ShownCount } from '~/modules/directory/directory-model';

/**
 * A count as the directory shows it: exact from 5 up, otherwise "fewer than 5", so that no
 * filter can single a person out (DESIGN §8). `kind` picks the wording: the results' total
 * ("23 members") or a facet's bare number ("12", "fewer than 5", "about 1,200" when estimated
 * from a sample of a large match set, decision 030).
 */
export function countText(t: (key: string, values?: Record<string, unknown>) => string, count: ShownCount | FacetCount, kind: 'total' | 'facet') {
  if ('fewerThan' in count) return t(kind === 'total' ? 'results.fewerThan' : 'facets.fewerThan', { count: count.fewerThan });
  if ('about' in count) return t('facets.about', { count: count.about });
  return kind === 'total' ? t('results.count', { count: count.exact }) : String(count.exact);
}

export function ShownTotal({ count }: { count: ShownCount }) {
  const { t } = useTranslation('directory');
  return <>{countText(t, count, 'total')}</>;
}
