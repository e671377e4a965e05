import type { Sql } from '~/platform/db/client.server';
import { isLanguage, type Language } from '~/i18n/config';
import { translator } from '~/platform/i18n.server';
import type { Job } from '~/platform/jobs/job';
import { enqueueMail } from '~/platform/mail/outbox.server';

/**
 * Turns unmailed contact-request notifications into mails in the member's language (the one
 * they last used, app.user_language). Canary profiles are decoys with an address that cannot
 * receive mail: theirs are marked done without a mail (the request itself raised an alert). Runs on the
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
      select n.id, u.email::text as email, app.user_language(u.id) as language,
             app.organization_of(r.organizer_id) as organization, p.is_canary
      from app.notifications n
      join auth.users u on u.id = n.user_id
      join app.profiles p on p.id = n.user_id
      left join app.contact_requests r on r.id = (n.payload ->> 'request')::uuid
      where n.kind = 'contact_request' and n.mailed_at is null and u.email is not null
      order by n.created_at
      limit 50
      for update of n skip locked`;
    for (const row of rows) {
      if (row.is_canary === true) {
        await tx`update app.notifications set mailed_at = now() where id = ${row.id as string}`;
        continue;
      }
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

/**
 * The same, as a background job: a mail the request's own run could not queue (a crash, a lost
 * connection) goes out within a minute instead of waiting for the next request.
 */
export function contactMailJob(options: { appUrl: string }): Job {
  return {
    name: 'contact-request-mail',
    everyMs: 60 * 1000,
    async run({ sql, log }) {
      const mailed = await mailContactNotifications(sql, options.appUrl);
      if (mailed > 0) log(`contact-request-mail: ${mailed} notification(s) mailed`);
    },
  };
}
