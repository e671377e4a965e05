import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { ConfirmDialog } from '~/components/ui/dialog';
import type { ShortlistSummary } from '~/modules/shortlists/shortlists.server';
import { NAME_MAX } from '~/modules/shortlists/shortlist-schemas';

/** What a refused rename said about this list, so the form shows it beside the field. */
export type RenameError = { listId: string; name: string; error: string } | null;

/**
 * One of the organizer's lists on /organizer/shortlists: its name (a link to it), how many
 * members it holds, and plain forms to rename it and to delete it after a confirmation (they work
 * without JavaScript).
 */
export function ShortlistCard({ list, renameError }: { list: ShortlistSummary; renameError: RenameError }) {
  const { t } = useTranslation('shortlists');
  const failed = renameError?.listId === list.id ? renameError : null;
  const inputId = `rename-${list.id}`;
  return (
    <Card as="article" className="shortlist-card" title={<Link to={`/organizer/shortlists/${list.id}`}>{list.name}</Link>} actions={<DeleteList list={list} />}>
      <p>
        {t('index.count', { count: list.memberCount })} · <span className="muted">{t('index.created', { date: list.createdAt })}</span>
      </p>
      <details open={failed ? true : undefined}>
        <summary>{t('rename.submit')}</summary>
        <Form method="post" className="shortlist-inline-form">
          <input type="hidden" name="listId" value={list.id} />
          <div className="field">
            <label htmlFor={inputId}>{t('rename.label', { name: list.name })}</label>
            <input
              id={inputId}
              name="name"
              required
              maxLength={NAME_MAX}
              defaultValue={failed ? failed.name : list.name}
              aria-invalid={failed ? true : undefined}
              aria-describedby={failed ? `${inputId}-error` : undefined}
            />
            {failed ? (
              <p id={`${inputId}-error`} className="field-error" role="alert">
                {t(failed.error)}
              </p>
            ) : null}
          </div>
          <SubmitButton variant="secondary" name="intent" value="rename" pendingLabel={t('common:pending.saving')}>
            {t('rename.submit')}
          </SubmitButton>
        </Form>
      </details>
    </Card>
  );
}

/** Deleting takes the notes with it and cannot be undone: asked once more first. */
function DeleteList({ list }: { list: ShortlistSummary }) {
  const { t } = useTranslation('shortlists');
  return (
    <ConfirmDialog
      triggerLabel={t('delete.submit', { name: list.name })}
      variant="secondary"
      title={t('delete.confirmTitle', { name: list.name })}
      confirm={
        <Form method="post" className="shortlist-inline-form">
          <input type="hidden" name="listId" value={list.id} />
          <SubmitButton variant="danger" name="intent" value="delete" pendingLabel={t('common:pending.working')}>
            {t('delete.confirm')}
          </SubmitButton>
        </Form>
      }
    >
      <p>{t('delete.warning')}</p>
    </ConfirmDialog>
  );
}
