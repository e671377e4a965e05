import { useTranslation } from 'react-i18next';
import { Badge } from '~/components/ui/badge';

const TONES = { confirmed: 'ok', waitlisted: 'warn', pending: 'info', declined: 'neutral', cancelled: 'neutral' } as const;

/** The badge colour of a registration status; the words always say it too. */
export const registrationTone = (status: string) => TONES[status as keyof typeof TONES] ?? 'neutral';

/**
 * A member's own sign-up as a badge: confirmed, waitlisted with their number in the queue when
 * known, waiting for approval, declined, cancelled. A screen reader hears "Your sign-up: …".
 */
export function RegistrationBadge({ status, position = null }: { status: string; position?: number | null }) {
  const { t } = useTranslation('events');
  const text = status === 'waitlisted' && position !== null ? t('status.waitlistedNumber', { position }) : t(`status.${status}`);
  return (
    <Badge tone={registrationTone(status)} label={t('card.yourStatus', { status: text })}>
      {text}
    </Badge>
  );
}
