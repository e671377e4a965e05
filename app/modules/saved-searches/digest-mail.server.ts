import type { Language } from '~/i18n/config';
import type { DirectoryFilters } from '~/modules/directory/directory-model';
import { directoryHref } from '~/modules/directory/filters';
import type { Tx } from '~/platform/db/client.server';
import { translator } from '~/platform/i18n.server';
import { enqueueMail } from '~/platform/mail/outbox.server';

/**
 * The daily digest mail: per saved search its name, how many members are new to it (a count as
 * organizers see counts: "fewer than 5" below five) and a link to the directory with its filters.
 * Never a member's name or anything about them: mail can be read by others, and the organizer
 * sees the people in the app, behind the second factor.
 */

/** As app.shown_count() lets a count leave the database: exact from 5 up, else 'lt5'. */
export type ShownCount = number | 'lt5';

export type DigestEntry = { name: string; filters: DirectoryFilters; newMatches: ShownCount };

export async function enqueueDigestMail(
  tx: Tx,
  input: { to: string; language: Language; appUrl: string; entries: DigestEntry[] },
) {
  const t = await translator(input.language, 'savedSearches');
  const footer = (await translator(input.language, 'mail'))('footer');
  const link = (path: string) => `${input.appUrl}${path}${path.includes('?') ? '&' : '?'}lng=${input.language}`;
  const lines = input.entries.map((entry) =>
    t('mail.entry', {
      name: entry.name,
      amount: entry.newMatches === 'lt5' ? t('mail.fewerThan', { count: 5 }) : t('mail.newMembers', { count: entry.newMatches }),
      link: link(directoryHref(entry.filters)),
    }),
  );
  await enqueueMail(tx, {
    to: input.to,
    template: 'saved-search-digest',
    language: input.language,
    subject: t('mail.subject'),
    text: [t('mail.intro'), '', ...lines, t('mail.privacy'), '', t('mail.manage', { link: link('/organizer/saved-searches') }), '', footer].join('\n'),
  });
}
