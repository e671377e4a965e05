import type { Sql } from '~/platform/db/client.server';
import { mailNotifications } from '~/modules/notifications/mail-notifications.server';

/**
 * Contact-request mails go through the one mailer of notifications
 * (app/modules/notifications/mail-notifications.server.ts, ADR 025), which renders every kind
 * from the locale files. The send calls it right after the request so the member hears at once;
 * the `notification-mail` job picks up whatever that call could not mail.
 */
export function mailContactNotifications(sql: Sql, appUrl: string): Promise<number> {
  return mailNotifications(sql, appUrl);
}
