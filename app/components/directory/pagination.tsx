import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Cursor, DirectoryFilters } from '~/modules/directory/directory-model';
import { directoryHref } from '~/modules/directory/filters';

/**
 * Keyset pages: "Next page" carries the cursor the search returned, "Back to the first page"
 * drops it. Both are plain URLs, so the browser's back button returns to the page before.
 */
export function Pagination({ filters, next, onLaterPage }: { filters: DirectoryFilters; next: Cursor | null; onLaterPage: boolean }) {
  const { t } = useTranslation('directory');
  if (!next && !onLaterPage) return null;
  return (
    <nav className="pages" aria-label={t('pages.label')}>
      <ul>
        {onLaterPage ? (
          <li>
            <Link to={directoryHref(filters)}>{t('pages.first')}</Link>
          </li>
        ) : null}
        {next ? (
          <li>
            <Link to={directoryHref(filters, next)} rel="next">
              {t('pages.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
