import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export type AttendeeRow = { memberId: string; displayName: string | null; status: string; position: number | null; registeredAt: string; checkedIn: boolean };

/**
 * Who signed up, for the event's organizers: name, status (waitlisted in queue order), when,
 * and approve / decline for pending sign-ups (one small POST form each, keyboard-usable).
 */
export function AttendeeTable({ rows, cancelled }: { rows: AttendeeRow[]; cancelled: boolean }) {
  const { t } = useTranslation('events');
  const busy = useNavigation().state === 'submitting';
  if (rows.length === 0) return <p>{t('attendees.empty')}</p>;
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
                <td>
                  {t(`status.${row.status}`)}
                  {row.checkedIn ? <> · {t('attendees.checkedIn')}</> : null}
                </td>
                <td>{row.position ?? ''}</td>
                <td>{row.registeredAt}</td>
                <td>
                  {row.status === 'pending' && !cancelled ? (
                    <div className="event-decide">
                      {(['approve', 'decline'] as const).map((intent) => (
                        <Form method="post" key={intent}>
                          <input type="hidden" name="intent" value={intent} />
                          <input type="hidden" name="memberId" value={row.memberId} />
                          <button
                            type="submit"
                            className={intent === 'approve' ? 'button' : 'button secondary'}
                            aria-label={t(`attendees.${intent}Name`, { name })}
                            disabled={busy}
                          >
                            {t(`attendees.${intent}`)}
                          </button>
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
