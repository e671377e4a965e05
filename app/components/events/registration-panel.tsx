import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import type { RegistrationStatus } from '~/modules/events/event-model';
import { RegistrationBadge } from './registration-badge';

/**
 * The member's own sign-up: one button to sign up (a plain POST form, so it works without
 * JavaScript; signing up twice returns the same registration), and where they stand — a place,
 * the waitlist with their position, waiting for approval, declined — with the matching way out
 * (cancel, leave the waitlist, withdraw). The button carries the intent, so only the pressed one
 * shows that it is working.
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
  const status = registration?.status ?? null;
  const button = (intent: 'signUp' | 'cancel', label: string, secondary = false) => (
    <Form method="post" className="event-action">
      <SubmitButton name="intent" value={intent} variant={secondary ? 'secondary' : 'primary'} pendingLabel={t(intent === 'signUp' ? 'page.signingUp' : 'page.cancelling')}>
        {label}
      </SubmitButton>
    </Form>
  );
  if (cancelled) return null;
  return (
    <section className="event-registration stack" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('page.yourPlace')}</h2>
      {status ? (
        <div className={`event-status event-status-${status}`} role="status">
          <RegistrationBadge status={status} position={registration?.position ?? null} />
          <p>{t(`page.${status}`, { position: registration?.position ?? '' })}</p>
        </div>
      ) : null}
      {status === 'confirmed' ? button('cancel', t('page.cancel'), true) : null}
      {status === 'waitlisted' ? button('cancel', t('page.leaveWaitlist'), true) : null}
      {status === 'pending' ? button('cancel', t('page.withdraw'), true) : null}
      {(status === null || status === 'cancelled') && registrationOpen ? button('signUp', status === 'cancelled' ? t('page.signUpAgain') : t('page.signUp')) : null}
      {(status === null || status === 'cancelled') && !registrationOpen ? <p>{t('page.closed')}</p> : null}
    </section>
  );
}
