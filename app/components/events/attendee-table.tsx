import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '~/components/ui/empty-state';
import { SubmitButton } from '~/components/ui/button';
import { Badge } from '~/components/ui/badge';
import { registrationTone } from './registration-badge';

export type AttendeeRow = { memberId: string; displayName: string | null; status: string; position: number | null; registeredAt: string; checkedIn: boolean };

/**
 * Who signed up, for the event's organizers: name, status (waitlisted in queue order), when,
 * and approve / decline for pending sign-ups (one small POST form each, keyboard-usable; the
 * button carries the member, so only that row says it is working). On a phone each row becomes
 * a small card whose cells say what they are (`data-label`, events.css).
 */
export function AttendeeTable({ rows, cancelled, eventId }: { rows: AttendeeRow[]; cancelled: boolean; eventId: string }) {
  const { t } = useTranslation('events');
  if (rows.length === 0) {
    return (
      <EmptyState title={t('attendees.empty')} action={cancelled ? undefined : { to: `/events/${eventId}`, label: t('attendees.openEvent') }}>
        <p>{t('attendees.emptyHint')}</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="event-attendees">
        <thead>
          <tr>
            <th scope="col">{t('attendees.name')}</th>
            <th scope="col">{t('attendees.status')}</th>
            <th scope="col">{t('attendees.position')}</th>
            <th scope="col">{t('attendees.registeredAt')}</th>
            <th scope="col">{t('attendees.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = row.displayName ?? t('attendees.hiddenName');
            return (
              <tr key={row.memberId}>
                <th scope="row">{name}</th>
                <td data-label={t('attendees.status')}>
                  <Badge tone={registrationTone(row.status)}>{t(`status.${row.status}`)}</Badge>
                  {row.checkedIn ? <> · {t('attendees.checkedIn')}</> : null}
                </td>
                <td data-label={t('attendees.position')}>{row.position ?? ''}</td>
                <td data-label={t('attendees.registeredAt')}>{row.registeredAt}</td>
                <td data-label={t('attendees.actions')}>
                  {row.status === 'pending' && !cancelled ? (
                    <div className="event-decide">
                      {(['approve', 'decline'] as const).map((intent) => (
                        <Form method="post" key={intent}>
                          <input type="hidden" name="intent" value={intent} />
                          <SubmitButton name="memberId" value={row.memberId} variant={intent === 'approve' ? 'primary' : 'secondary'}>
                            <span aria-hidden="true">{t(`attendees.${intent}`)}</span>
                            <span className="visually-hidden">{t(`attendees.${intent}Name`, { name })}</span>
                          </SubmitButton>
                        </Form>
                      ))}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
