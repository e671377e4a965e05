import { useTranslation } from 'react-i18next';
import type { AttendeePassData } from '~/modules/events/attendance.server';

/**
 * The confirmed attendee's pass on the event page (ADR 025): the one-time check-in code as text
 * and as a QR code (rendered on the server, an SVG data URI), and the calendar file. The event
 * page's loader gets the data from `loadAttendeePass(identity, eventId)`
 * (app/modules/events/attendance.server.ts) and formats `checkedInAt` itself if it shows it; the
 * page adds `attendance` to its `handle.i18n` and links `~/styles/attendance.css`.
 */
export type AttendeePassProps = Pick<AttendeePassData, 'eventId' | 'code' | 'qrSvg'> & {
  /** The check-in time, already formatted on the server in the venue's zone; null when not yet. */
  checkedIn?: string | null;
};

export function AttendeePass({ eventId, code, qrSvg, checkedIn = null }: AttendeePassProps) {
  const { t } = useTranslation('attendance');
  return (
    <section className="attendee-pass stack" aria-labelledby="attendee-pass-title">
      <h2 id="attendee-pass-title">{t('pass.title')}</h2>
      <p>{t('pass.intro')}</p>
      <p id="attendee-pass-code-label">{t('pass.codeLabel')}</p>
      <p className="pass-code" aria-labelledby="attendee-pass-code-label" translate="no">
        {`${code.slice(0, 4)} ${code.slice(4)}`}
      </p>
      <img src={qrSvg} alt={t('pass.qrAlt')} width={240} height={240} />
      {checkedIn ? <p role="status">{t('pass.checkedIn', { time: checkedIn })}</p> : null}
      <p>
        <a className="calendar-link" href={`/events/${eventId}/ics`} download>
          {t('pass.calendar')}
        </a>
      </p>
      <p className="hint">{t('pass.calendarHint')}</p>
    </section>
  );
}
