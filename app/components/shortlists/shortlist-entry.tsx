import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import type { ShortlistEntry } from '~/modules/shortlists/shortlists.server';
import { NOTE_MAX } from '~/modules/shortlists/shortlist-schemas';

/** A refused note edit, shown on the entry it belongs to with the text the organizer typed. */
export type NoteError = { memberId: string; note: string; error: string } | null;

/**
 * One member on a list: their name and headline while they still show them to the organizer
 * (else "hidden member"), whether they accepted the organizer's contact, the note with a form to
 * change it, and a button to remove them. Plain forms: they work without JavaScript. Each button
 * carries the member's id, so its pending state shows on this entry only.
 */
export function ShortlistEntryCard({ entry, noteError }: { entry: ShortlistEntry; noteError: NoteError }) {
  const { t } = useTranslation('shortlists');
  const failed = noteError?.memberId === entry.memberId ? noteError : null;
  const name = entry.visible && entry.displayName ? entry.displayName : t('members.hidden');
  const noteId = `note-${entry.memberId}`;
  const described = [`${noteId}-hint`, failed ? `${noteId}-error` : null].filter(Boolean).join(' ');
  return (
    <Card as="article" className="shortlist-entry" title={name} headingLevel={3}>
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
        <SubmitButton variant="secondary" name="memberId" value={entry.memberId} pendingLabel={t('common:pending.saving')}>
          {t('members.saveNote')}
        </SubmitButton>
      </Form>
      <Form method="post" className="shortlist-inline-form">
        <input type="hidden" name="intent" value="remove" />
        <SubmitButton variant="secondary" name="memberId" value={entry.memberId}>
          {t('members.remove')}
          <span className="visually-hidden"> ({name})</span>
        </SubmitButton>
      </Form>
    </Card>
  );
}
