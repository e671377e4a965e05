import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ShortlistSummary } from '~/modules/shortlists/shortlists.server';
import { NAME_MAX } from '~/modules/shortlists/shortlist-schemas';

/** What a refused rename said about this list, so the form shows it beside the field. */
export type RenameError = { listId: string; name: string; error: string } | null;

/**
 * One of the organizer's lists on /organizer/shortlists: its name (a link to it), how many
 * members it holds, and plain forms to rename and delete it (they work without JavaScript).
 */
export function ShortlistCard({ list, renameError }: { list: ShortlistSummary; renameError: RenameError }) {
  const { t } = useTranslation('shortlists');
  const failed = renameError?.listId === list.id ? renameError : null;
  const inputId = `rename-${list.id}`;
  return (
    <article className="card shortlist-card" aria-labelledby={`list-${list.id}`}>
      <h2 id={`list-${list.id}`}>
        <Link to={`/organizer/shortlists/${list.id}`}>{list.name}</Link>
      </h2>
      <p>
        {t('index.count', { count: list.memberCount })} · <span className="muted">{t('index.created', { date: list.createdAt })}</span>
      </p>
      <details open={failed ? true : undefined}>
        <summary>{t('rename.submit')}</summary>
        <Form method="post" className="shortlist-inline-form">
          <input type="hidden" name="intent" value="rename" />
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
          <button type="submit" className="button secondary">
            {t('rename.submit')}
          </button>
        </Form>
      </details>
      <Form method="post" className="shortlist-inline-form">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="listId" value={list.id} />
        <p className="muted">{t('delete.warning')}</p>
        <button type="submit" className="button danger">
          {t('delete.submit', { name: list.name })}
        </button>
      </Form>
    </article>
  );
}
