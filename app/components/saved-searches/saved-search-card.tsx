import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { ConfirmDialog } from '~/components/ui/dialog';
import type { SavedSearchSummary } from '~/modules/saved-searches/saved-search-model';
import { FilterSummaryList } from './filter-summary-list';

/**
 * One saved search: its name, its filters in words, a link to run it, and two plain forms —
 * the daily e-mail on or off, and delete (asked once more first). Each button names its search
 * for screen readers; each carries the search's id, so its pending state shows on this card only.
 */
export function SavedSearchCard({ search }: { search: SavedSearchSummary }) {
  const { t } = useTranslation(['savedSearches', 'common']);
  return (
    <Card
      as="article"
      className="saved-search"
      title={search.name}
      actions={
        <>
          <ButtonLink to={search.href} aria-label={t('list.openLabel', { name: search.name })}>
            {t('list.open')}
          </ButtonLink>
          <Form method="post">
            <input type="hidden" name="intent" value="digest" />
            <input type="hidden" name="digest" value={search.digest ? 'off' : 'on'} />
            <SubmitButton variant="secondary" name="id" value={search.id} pendingLabel={t('common:pending.saving')}>
              {t(search.digest ? 'list.turnOff' : 'list.turnOn')}
            </SubmitButton>
          </Form>
          <ConfirmDialog
            variant="secondary"
            triggerLabel={
              <>
                <span aria-hidden="true">{t('list.delete')}</span>
                <span className="visually-hidden">{t('list.deleteLabel', { name: search.name })}</span>
              </>
            }
            title={t('list.deleteTitle', { name: search.name })}
            confirm={
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <SubmitButton variant="danger" name="id" value={search.id}>
                  {t('list.deleteConfirm')}
                </SubmitButton>
              </Form>
            }
          >
            <p>{t('list.deleteWarning')}</p>
          </ConfirmDialog>
        </>
      }
    >
      <FilterSummaryList items={search.summary} />
      <p className="muted">{t('list.savedOn', { date: search.createdAt })}</p>
      <p>{t(search.digest ? 'list.digestOn' : 'list.digestOff')}</p>
    </Card>
  );
}
