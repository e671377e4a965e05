import { useTranslation } from 'react-i18next';

/**
 * "Searching…" while the next search loads, in a live region that is always in the page (so a
 * screen reader announces the change) and visible beside a small spinner. Empty when idle.
 */
export function SearchStatus({ busy }: { busy: boolean }) {
  const { t } = useTranslation('directory');
  return (
    <p role="status" className="search-status">
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('form.searching')}
        </>
      ) : null}
    </p>
  );
}
