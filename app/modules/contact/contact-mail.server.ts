import type { Sql } from '~/platform/db/client.server';
import { isLanguage, type Language } from '~/i18n/config';
import { translator } from '~/platform/i18n.server';
import { enqueueMail } from '~/platform/mail/outbox.server';

/**
 * Turns unmailed contact-request notifications into mails in the member's language (the one
 * they signed up in, kept in their account's metadata; Belarusian when unknown). Runs on the
 * system connection, like the mail sender: the organizer's session never learns the member's
 * address. Rows are taken with `skip locked`, so parallel runs mail each one once.
 *
 * The mail names the organization and links to the inbox; it never carries the message or the
 * organizer's name: whoever else reads the member's mail learns as little as possible, and the
 * message is read behind the member's sign-in.
 */
export async function mailContactNotifications(sql: Sql, appUrl: string): Promise<number> {
  return sql.begin(async (tx) => {
    const rows = await tx`
      select n.id, u.email::text as email, u.raw_user_meta_data ->> 'language' as language,
             app.organization_of(r.organizer_id) as organization
      from app.notifications n
      join auth.users u on u.id = n.user_id
      left join app.contact_requests r on r.id = (n.payload ->> 'request')::uuid
      where n.kind = 'contact_request' and n.mailed_at is null and u.email is not null
      order by n.created_at
      limit 50
      for update of n skip locked`;
    for (const row of rows) {
      const language: Language = isLanguage(row.language) ? row.language : 'be';
      const t = await translator(language, 'contact');
      const organization = (row.organization as string | null) ?? t('mail.unknownOrganization');
      await enqueueMail(tx, {
        to: row.email as string,
        template: 'contact-request',
        language,
        subject: t('mail.subject'),
        text: [
          t('mail.body', {
            organization,
            link: `${appUrl}/account/requests?lng=${language}`,
          }),
          '',
          t('mail.footer'),
        ].join('\n'),
      });
      await tx`update app.notifications set mailed_at = now() where id = ${row.id as string}`;
    }
    return rows.length;
  });
}
