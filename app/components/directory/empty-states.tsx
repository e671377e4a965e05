import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * Before the first search: what an organizer can look for, that every search is recorded and
 * counted against the hourly limit, and how many searches are left. The page does not search
 * until a filter is chosen, so opening it costs nothing and lists nobody.
 */
export function SearchGuide({ searchesLeft }: { searchesLeft: number | null }) {
  const { t } = useTranslation('directory');
  return (
    <section className="guide" aria-labelledby="guide-title">
      <h2 id="guide-title">{t('guide.title')}</h2>
      <p>{t('guide.what')}</p>
      <p>{t('guide.recorded')}</p>
      {searchesLeft !== null ? <p className="guide-left">{t('guide.left', { count: searchesLeft })}</p> : null}
    </section>
  );
}

/** A search that found nobody: what to loosen. */
export function NoResults() {
  const { t } = useTranslation('directory');
  return (
    <section className="no-results" aria-labelledby="no-results-title">
      <h3 id="no-results-title">{t('empty.title')}</h3>
      <p>{t('empty.body')}</p>
      <p>
        <Link to="/directory">{t('empty.clear')}</Link>
      </p>
    </section>
  );
}
