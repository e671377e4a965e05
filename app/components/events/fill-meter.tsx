import { useTranslation } from 'react-i18next';
import type { CardView } from '~/modules/events/event-views.server';

/**
 * How full an event is, as a bar and in words. A count below 5 is never shown exactly to anyone
 * but the organizers ("fewer than 5", T8): then the bar is left out, since its length would tell.
 */
export function FillMeter({ fill, id }: { fill: CardView['fill']; id: string }) {
  const { t } = useTranslation('events');
  if (fill.capacity === null) return null;
  const exact = typeof fill.confirmed === 'number';
  const label =
    fill.confirmed === 'lt5' ? t('fill.fewerThan5', { capacity: fill.capacity }) : t('fill.exact', { confirmed: fill.confirmed, capacity: fill.capacity });
  return (
    <div className="event-fill">
      {exact ? (
        <meter id={`fill-${id}`} min={0} max={fill.capacity} value={Math.min(fill.confirmed as number, fill.capacity)} aria-label={t('fill.label')} aria-valuetext={label} />
      ) : null}
      <p className="event-fill-text">
        {label}
        {fill.hasPlaces === false ? <> · {t('fill.full')}</> : fill.hasPlaces ? <> · {t('fill.placesLeft')}</> : null}
        {fill.waitlisted !== null && fill.hasPlaces === false ? (
          <> · {fill.waitlisted === 'lt5' ? t('fill.waitlistFew') : t('fill.waitlist', { count: fill.waitlisted })}</>
        ) : null}
      </p>
    </div>
  );
}
