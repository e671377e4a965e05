import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Cursor, DirectoryFilters, DirectoryPage } from '~/modules/directory/directory-model';
import { writeFilters } from '~/modules/directory/filters';
import { NoResults } from './empty-states';
import { FacetLists } from './facet-lists';
import type { ReferenceNames } from './reference-names';
import { ResultCard } from './result-card';
import { ResultPages } from './result-pages';
import { SearchStatus } from './search-status';
import { ShownTotal } from './shown-count';

type Props = { page: DirectoryPage; filters: DirectoryFilters; after: Cursor | null; names: ReferenceNames; busy: boolean };

/**
 * One page of results: the total as shown ("fewer than 5" below five), the cards, the pages and
 * "Save this search", with the facets beside them; with no results, what to try next. While the
 * next search loads, `aria-busy` and a visible "Searching…".
 */
export function SearchResults({ page, filters, after, names, busy }: Props) {
  const { t } = useTranslation('directory');
  const found = page.cards.length > 0;
  return (
    <div className="results-layout">
      <section className="results" aria-labelledby="results-title" aria-busy={busy}>
        <h2 id="results-title">
          <ShownTotal count={page.total} />
        </h2>
        <SearchStatus busy={busy} />
        {found ? (
          <ol className="member-list">
            {page.cards.map((card) => (
              <li key={card.id}>
                <ResultCard card={card} names={names} />
              </li>
            ))}
          </ol>
        ) : (
          <NoResults filters={filters} names={names} />
        )}
        <ResultPages filters={filters} next={page.next} onLaterPage={after !== null} />
        {found ? (
          <p className="save-search">
            <Link to={`/organizer/saved-searches/new?${writeFilters(filters)}`}>{t('results.save')}</Link>
          </p>
        ) : null}
      </section>
      {page.facets ? <FacetLists facets={page.facets} filters={filters} names={names} /> : null}
    </div>
  );
}
