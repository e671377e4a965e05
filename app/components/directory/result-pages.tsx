import { useTranslation } from 'react-i18next';
import { Pagination } from '~/components/ui/pagination';
import type { Cursor, DirectoryFilters } from '~/modules/directory/directory-model';
import { directoryHref } from '~/modules/directory/filters';

/**
 * Keyset pages: "Next page" carries the cursor the search returned, "Back to the first page"
 * drops it (a keyset has no "previous"). Both are plain URLs, so the browser's back button
 * returns to the page before.
 */
export function ResultPages({ filters, next, onLaterPage }: { filters: DirectoryFilters; next: Cursor | null; onLaterPage: boolean }) {
  const { t } = useTranslation('directory');
  return (
    <Pagination
      label={t('pages.label')}
      previous={onLaterPage ? directoryHref(filters) : undefined}
      next={next ? directoryHref(filters, next) : undefined}
      previousLabel={t('pages.first')}
      nextLabel={t('pages.next')}
    />
  );
}
