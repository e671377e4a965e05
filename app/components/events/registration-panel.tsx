import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '~/modules/events/event-model';

/**
 * The member's own sign-up: one button to sign up (a POST; signing up twice returns the same
 * registration), and where they stand — a place, the waitlist with their position, waiting for
 * approval, declined — with the matching way out (cancel, leave the waitlist, withdraw).
 */
export function RegistrationPanel({
  registration,
  registrationOpen,
  cancelled,
}: {
  registration: { status: RegistrationStatus; position: number | null } | null;
  registrationOpen: boolean;
  cancelled: boolean;
}) {
  const { t } = useTranslation('events');
  const busy = useNavigation().state === 'submitting';
  const status = registration?.status ?? null;
  const button = (intent: 'signUp' | 'cancel', label: string, secondary = false) => (
    <Form method="post" className="event-action">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={secondary ? 'button secondary' : 'button'} disabled={busy}>
        {label}
      </button>
    </Form>
  );
  if (cancelled) return null;
  return (
    <section className="event-registration stack" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('page.yourPlace')}</h2>
      {status ? (
        <p className={`event-status event-status-${status}`} role="status">
          <strong>{t(`status.${status}`)}</strong>: {t(`page.${status}`, { position: registration?.position ?? '' })}
        </p>
      ) : null}
      {status === 'confirmed' ? button('cancel', t('page.cancel'), true) : null}
      {status === 'waitlisted' ? button('cancel', t('page.leaveWaitlist'), true) : null}
      {status === 'pending' ? button('cancel', t('page.withdraw'), true) : null}
      {(status === null || status === 'cancelled') && registrationOpen ? button('signUp', status === 'cancelled' ? t('page.signUpAgain') : t('page.signUp')) : null}
      {(status === null || status === 'cancelled') && !registrationOpen ? <p>{t('page.closed')}</p> : null}
    </section>
  );
}
