import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Card } from '~/components/ui/card';
import type { CardView } from '~/modules/events/event-views.server';
import { FillMeter } from './fill-meter';
import { RegistrationBadge } from './registration-badge';

/**
 * One event in the listing: title (in the reader's language or a fallback, marked with `lang`),
 * type, city or "online", the day and time in the venue's zone with the zone named, the reader's
 * own sign-up, how full. Teasers (signed-out visitors) have no link (the page needs a member) and
 * no attendee numbers.
 */
export function EventCardView({ card }: { card: CardView }) {
  const { t } = useTranslation('events');
  const title = <span lang={card.titleLang}>{card.teaser ? card.title : <Link to={`/events/${card.id}`}>{card.title}</Link>}</span>;
  return (
    <Card as="article" className="event-card" title={title}>
      <p className="event-meta">
        <span className="event-type">{t(`type.${card.type}`)}</span>
        {' · '}
        <span>{card.online ? t('card.online') : card.place}</span>
        {card.cancelled ? <strong className="event-cancelled"> · {t('card.cancelled')}</strong> : null}
      </p>
      <p className="event-when">{card.when}</p>
      {card.myStatus ? (
        <p className="event-my-status">
          <RegistrationBadge status={card.myStatus} />
        </p>
      ) : null}
      {card.teaser ? null : <FillMeter fill={card.fill} />}
    </Card>
  );
}
