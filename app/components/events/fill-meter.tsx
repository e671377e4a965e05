import { useTranslation } from 'react-i18next';
import type { CardView } from '~/modules/events/event-views.server';
import { fillPicture, type FillSegment } from '~/modules/events/fill-picture';

/**
 * How full an event is, as a picture and in words: taken places, free places, and the waitlist
 * drawn past the end of the bar. The picture is hidden from screen readers because the legend
 * under it says the same in words, with a swatch per line. A count below 5 is never shown exactly
 * to anyone but the organizers ("fewer than 5", T8); the picture then draws a band of every value
 * it could be (see modules/events/fill-picture.ts). An SVG, since the CSP allows no inline style.
 */
export function FillMeter({ fill }: { fill: CardView['fill'] }) {
  const { t } = useTranslation('events');
  if (fill.capacity === null) return null;
  const picture = fillPicture({ ...fill, capacity: fill.capacity });
  const taken =
    fill.confirmed === 'lt5' ? t('fill.fewerThan5', { capacity: fill.capacity }) : t('fill.exact', { confirmed: fill.confirmed, capacity: fill.capacity });
  const waiting =
    fill.hasPlaces === false && fill.waitlisted !== null
      ? fill.waitlisted === 'lt5'
        ? t('fill.waitlistFew')
        : t('fill.waitlist', { count: fill.waitlisted })
      : null;
  return (
    <div className="event-fill">
      {picture ? (
        <svg className="fill-picture" viewBox={`0 0 ${picture.width} 1`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {picture.segments.flatMap((segment) => boxes(segment, picture.seats))}
        </svg>
      ) : null}
      <ul className="fill-legend">
        <li>
          <span className={`fill-swatch fill-${fill.confirmed === 'lt5' && fill.hasPlaces !== false ? 'unknown' : 'taken'}`} aria-hidden="true" />
          {taken}
          {fill.hasPlaces === false ? <> · {t('fill.full')}</> : fill.hasPlaces ? <> · {t('fill.placesLeft')}</> : null}
        </li>
        {waiting ? (
          <li>
            <span className={`fill-swatch fill-${fill.waitlisted === 'lt5' ? 'waiting-unknown' : 'waiting'}`} aria-hidden="true" />
            {waiting}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** One segment as one box, or (few places) one box per place with a small gap between them. */
function boxes(segment: FillSegment, seats: boolean) {
  const box = (from: number, to: number, gap: number) => (
    <rect key={`${segment.kind}-${from}`} className={`fill-${segment.kind}`} x={from + gap / 2} y={0} width={to - from - gap} height={1} />
  );
  if (!seats) return [box(segment.from, segment.to, 0)];
  return Array.from({ length: Math.ceil(segment.to - segment.from) }, (_, index) => box(segment.from + index, segment.from + index + 1, 0.12));
}
