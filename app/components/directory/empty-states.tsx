import { Link } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '~/components/ui/empty-state';
import type { DirectoryFilters } from '~/modules/directory/directory-model';
import { FILTER_LIMITS, writeFilters } from '~/modules/directory/filters';
import { FilterRemovals } from './filter-removals';
import type { ReferenceNames } from './reference-names';
import { SearchStatus } from './search-status';

/**
 * Before the first search, the organizer's guide: what they can look for, what a search costs
 * (with the searches left this hour), that every search and every profile they open is recorded,
 * and how to reach a member. The page does not search until a filter is chosen, so opening it
 * costs nothing and lists nobody. `busy` while the first search loads.
 */
export function SearchGuide({ searchesLeft, busy }: { searchesLeft: number | null; busy: boolean }) {
  const { t } = useTranslation('directory');
  return (
    <section className="card guide" aria-labelledby="guide-title" aria-busy={busy}>
      <h2 id="guide-title">{t('guide.title')}</h2>
      <SearchStatus busy={busy} />
      <p>{t('guide.start')}</p>
      <h3>{t('guide.findTitle')}</h3>
      <ul className="guide-list">
        {['skill', 'city', 'language', 'text'].map((key) => (
          <li key={key}>{t(`guide.${key}`, { most: FILTER_LIMITS.skills })}</li>
        ))}
      </ul>
      {['cost', 'recorded', 'reach'].map((key) => (
        <Fragment key={key}>
          <h3>{t(`guide.${key}Title`)}</h3>
          <p>{t(`guide.${key}`)}</p>
          {key === 'cost' && searchesLeft !== null ? <p className="guide-left">{t('guide.left', { count: searchesLeft })}</p> : null}
        </Fragment>
      ))}
      <p>{t('guide.keep')}</p>
    </section>
  );
}

/**
 * A search that found nobody: each chosen filter as a link that searches without it, other
 * spellings to try, and saving the search to hear by e-mail when someone who matches joins.
 */
export function NoResults({ filters, names }: { filters: DirectoryFilters; names: ReferenceNames }) {
  const { t } = useTranslation('directory');
  return (
    <EmptyState title={t('empty.title')} headingLevel={3} action={{ to: `/organizer/saved-searches/new?${writeFilters(filters)}`, label: t('results.save') }}>
      <FilterRemovals filters={filters} names={names} />
      <p>{t('empty.spelling', { any: t('form.skillMatchAny') })}</p>
      <p>{t('empty.save')}</p>
      <p>
        <Link to="/directory">{t('empty.clear')}</Link>
      </p>
    </EmptyState>
  );
}
