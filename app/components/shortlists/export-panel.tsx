import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Button } from '~/components/ui/button';
import { Card } from '~/components/ui/card';

/**
 * The export of a list: what the file holds, how many members will be in it and how many are
 * left out and why, and the download button. A POST to the export route (quota-bound and
 * audited, so nothing may fetch it unasked), as a whole document so the browser saves the file:
 * no client navigation runs, so the button has no pending state.
 */
export function ExportPanel({ listId, included, omitted }: { listId: string; included: number; omitted: number }) {
  const { t } = useTranslation('shortlists');
  return (
    <Card as="section" className="stack shortlist-export" title={t('export.title')}>
      <p>{t('export.intro')}</p>
      <p>{t('export.included', { count: included })}</p>
      {omitted > 0 ? <p>{t('export.omitted', { count: omitted })}</p> : null}
      {/* An empty file would still spend an export of the day's quota. */}
      {included > 0 ? (
        <Form method="post" action={`/organizer/shortlists/${listId}/export`} reloadDocument>
          <Button type="submit">{t('export.submit')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
