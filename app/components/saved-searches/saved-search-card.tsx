import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { SavedSearchSummary } from '~/modules/saved-searches/saved-search-model';
import { FilterSummaryList } from './filter-summary-list';

/**
 * One saved search: its name, its filters in words, a link to run it, and two plain forms —
 * the daily e-mail on or off, and delete. Each button names its search for screen readers.
 */
export function SavedSearchCard({ search }: { search: SavedSearchSummary }) {
  const { t } = useTranslation('savedSearches');
  const titleId = `saved-search-${search.id}`;
  return (
    <article className="card saved-search" aria-labelledby={titleId}>
      <h2 id={titleId}>{search.name}</h2>
      <FilterSummaryList items={search.summary} />
      <p className="muted">{t('list.savedOn', { date: search.createdAt })}</p>
      <p>{t(search.digest ? 'list.digestOn' : 'list.digestOff')}</p>
      <div className="actions">
        <Link to={search.href} className="button" aria-label={t('list.openLabel', { name: search.name })}>
          {t('list.open')}
        </Link>
        <Form method="post">
          <input type="hidden" name="intent" value="digest" />
          <input type="hidden" name="id" value={search.id} />
          <input type="hidden" name="digest" value={search.digest ? 'off' : 'on'} />
          <button type="submit" className="button secondary">
            {t(search.digest ? 'list.turnOff' : 'list.turnOn')}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <input type="hidden" name="id" value={search.id} />
          <button type="submit" className="button secondary" aria-label={t('list.deleteLabel', { name: search.name })}>
            {t('list.delete')}
          </button>
        </Form>
      </div>
    </article>
  );
}
