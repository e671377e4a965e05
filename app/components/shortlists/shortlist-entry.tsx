import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ShortlistEntry } from '~/modules/shortlists/shortlists.server';
import { NOTE_MAX } from '~/modules/shortlists/shortlist-schemas';

/** A refused note edit, shown on the entry it belongs to with the text the organizer typed. */
export type NoteError = { memberId: string; note: string; error: string } | null;

/**
 * One member on a list: their name and headline while they still show them to the organizer
 * (else "hidden member"), whether they accepted the organizer's contact, the note with a form to
 * change it, and a button to remove them. Plain forms: they work without JavaScript.
 */
export function ShortlistEntryCard({ entry, noteError }: { entry: ShortlistEntry; noteError: NoteError }) {
  const { t } = useTranslation('shortlists');
  const failed = noteError?.memberId === entry.memberId ? noteError : null;
  const name = entry.visible && entry.displayName ? entry.displayName : t('members.hidden');
  const noteId = `note-${entry.memberId}`;
  const described = [`${noteId}-hint`, failed ? `${noteId}-error` : null].filter(Boolean).join(' ');
  return (
    <article className="card shortlist-entry" aria-labelledby={`entry-${entry.memberId}`} id={`member-${entry.memberId}`}>
      <h2 id={`entry-${entry.memberId}`}>{name}</h2>
      {entry.visible && entry.headline ? <p>{entry.headline}</p> : null}
      {entry.visible ? null : <p className="muted">{t('members.hiddenHint')}</p>}
      <p className="muted">
        {t('members.addedOn', { date: entry.addedAt })} · {entry.contactAccepted ? t('members.contactAccepted') : t('members.contactNotAccepted')}
      </p>
      {entry.visible ? (
        <p>
          <Link to={`/people/${entry.memberId}`}>{t('members.profile')}</Link>
        </p>
      ) : null}
      <Form method="post" className="shortlist-inline-form">
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="memberId" value={entry.memberId} />
        <div className="field">
          <label htmlFor={noteId}>{t('members.note')}</label>
          <p id={`${noteId}-hint`} className="hint">
            {t('members.noteHint')}
          </p>
          <textarea
            id={noteId}
            name="note"
            rows={3}
            maxLength={NOTE_MAX}
            defaultValue={failed ? failed.note : (entry.note ?? '')}
            aria-describedby={described}
            aria-invalid={failed ? true : undefined}
          />
          {failed ? (
            <p id={`${noteId}-error`} className="field-error" role="alert">
              {t(failed.error)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button secondary">
          {t('members.saveNote')}
        </button>
      </Form>
      <Form method="post" className="shortlist-inline-form">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="memberId" value={entry.memberId} />
        <button type="submit" className="button secondary">
          {t('members.remove')}
          <span className="visually-hidden"> ({name})</span>
        </button>
      </Form>
    </article>
  );
}
