import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * Cancelling the event: a separate form whose box must be ticked (works without JavaScript; the
 * server refuses a post without it), since it cannot be undone and notifies everyone registered.
 */
export function CancelEventForm({ error }: { error: string | null }) {
  const { t } = useTranslation('events');
  return (
    <Form method="post" className="stack event-cancel" aria-labelledby="cancel-event-title">
      <h2 id="cancel-event-title">{t('attendees.cancelTitle')}</h2>
      <p id="cancel-event-hint">{t('attendees.cancelHint')}</p>
      <input type="hidden" name="intent" value="cancelEvent" />
      <div className="field">
        <div className="check-row">
          <input
            id="cancel-confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-describedby={error ? 'cancel-event-hint cancel-confirm-error' : 'cancel-event-hint'}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor="cancel-confirm">{t('attendees.cancelConfirm')}</label>
        </div>
        {error ? (
          <p id="cancel-confirm-error" className="field-error" role="alert">
            {t(error)}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button danger">
        {t('attendees.cancelButton')}
      </button>
    </Form>
  );
}
