import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { ConfirmDialog } from '~/components/ui/dialog';
import { Notice } from '~/components/ui/notice';

/**
 * Cancelling the event, behind "are you sure?" (a modal with JavaScript, a disclosure without),
 * since it cannot be undone and notifies everyone registered. The form says `confirm=yes`: the
 * server refuses a post without it, so no stray request cancels an event.
 */
export function CancelEventForm({ error }: { error: string | null }) {
  const { t } = useTranslation('events');
  return (
    <section className="stack event-cancel" aria-labelledby="cancel-event-title">
      <h2 id="cancel-event-title">{t('attendees.cancelTitle')}</h2>
      {error ? <Notice tone="error">{t(error)}</Notice> : null}
      <ConfirmDialog
        triggerLabel={t('attendees.cancelButton')}
        title={t('attendees.cancelQuestion')}
        confirm={
          <Form method="post" className="actions">
            <input type="hidden" name="confirm" value="yes" />
            <SubmitButton name="intent" value="cancelEvent" variant="danger" pendingLabel={t('attendees.cancelling')}>
              {t('attendees.cancelConfirm')}
            </SubmitButton>
          </Form>
        }
      >
        <p>{t('attendees.cancelHint')}</p>
      </ConfirmDialog>
    </section>
  );
}
