import type { Language } from '~/i18n/config';
import { countOpenAlerts } from '~/modules/admin/alerts.server';
import type { Identity } from '~/platform/db/client.server';
import { runtime } from '~/platform/runtime.server';

export type HeaderState = { unreadRequests: number; openAlerts: number | null };

/**
 * What the header needs about a signed-in person, read once per page: how many contact requests
 * they have not seen, and for admins with their second factor, how many alerts are open. The
 * same transaction remembers the language they use now (app.remember_my_language, a no-op when
 * unchanged), so that mails sent while they are away speak it. Only a hint: when the database
 * cannot answer, the page is served without the counts.
 */
export async function readHeaderState(identity: Identity, language: Language): Promise<HeaderState> {
  try {
    const [row] = await runtime().db.asUser(
      identity,
      (tx) => tx`select app.remember_my_language(${language}), app.unread_notification_count() as unread`,
    );
    return { unreadRequests: Number(row?.unread ?? 0), openAlerts: await countOpenAlerts(identity) };
  } catch {
    return { unreadRequests: 0, openAlerts: null };
  }
}
