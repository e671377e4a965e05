import type { Sql, Tx } from '~/platform/db/client.server';
import { isLanguage, type Language } from '~/i18n/config';
import { translator } from '~/platform/i18n.server';
import type { Job } from '~/platform/jobs/job';
import { enqueueMail } from '~/platform/mail/outbox.server';
import { runtime } from '~/platform/runtime.server';

/**
 * The one mailer of notifications (ADR 025): every unmailed row of `app.notifications`, of
 * every kind, becomes one mail in the outbox, rendered from the locale files in the member's
 * language (`app.user_language`: the one they last used). SQL only says *what* happened
 * (kind + ids); the words live with the other translations.
 *
 * Runs on the system connection: the acting user's session never learns the recipient's address.
 * Rows are taken with `for update skip locked`, so parallel runs (the job on two instances, the
 * call right after a send) mail each one exactly once. Canary profiles are decoys with an
 * address that cannot receive mail: theirs are marked done without a mail.
 *
 * Mails are read by others (a shared inbox, a seized phone) and attendance is evidence (T8):
 * an event mail never names the event, the place or the organizer. It says "an event you signed
 * up for" and links to the event's page, behind sign-in. A contact-request mail names the
 * organization only, never the message.
 */

export const NOTIFICATION_KINDS = ['contact_request', 'event_place', 'event_approved', 'event_cancelled', 'event_reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type EventNotificationKind = Exclude<NotificationKind, 'contact_request'>;

/** The outbox template of each kind (what the data export and the dev outbox show). */
const TEMPLATE: Record<NotificationKind, string> = {
  contact_request: 'contact-request',
  event_place: 'event-place',
  event_approved: 'event-approved',
  event_cancelled: 'event-cancelled',
  event_reminder: 'event-reminder',
};

export type RenderedMail = { template: string; subject: string; text: string };

/** A contact-request mail: the organization and the inbox link (contact.json `mail.*`). */
export async function renderContactRequestMail(language: Language, appUrl: string, organization: string | null): Promise<RenderedMail> {
  const t = await translator(language, 'contact');
  return {
    template: TEMPLATE.contact_request,
    subject: t('mail.subject'),
    text: [
      t('mail.body', { organization: organization ?? t('mail.unknownOrganization'), link: `${appUrl}/account/requests?lng=${language}` }),
      '',
      t('mail.footer'),
    ].join('\n'),
  };
}

/** An event mail (attendance.json `mail.<kind>.*`): no event name, no place; a link to the event page. */
export async function renderEventMail(kind: EventNotificationKind, language: Language, appUrl: string, eventId: string): Promise<RenderedMail> {
  const t = await translator(language, 'attendance');
  const link = `${appUrl}/events/${eventId}?lng=${language}`;
  return {
    template: TEMPLATE[kind],
    subject: t(`mail.${kind}.subject`),
    text: [t(`mail.${kind}.body`, { link }), '', t('mail.noNames'), '', t('mail.footer')].join('\n'),
  };
}

type Row = {
  id: string;
  kind: string;
  event: string | null;
  email: string;
  language: string;
  is_canary: boolean;
  organization: string | null;
  /** Reminders only: the registration is still confirmed and the event still on. */
  still_on: boolean;
};

/** One batch in one transaction; how many notifications it took (mailed or skipped). */
async function mailBatch(sql: Sql, appUrl: string, size: number): Promise<number> {
  return sql.begin(async (tx) => {
    const rows = (await tx`
      select n.id::text as id, n.kind, n.payload ->> 'event' as event, u.email::text as email,
             app.user_language(u.id) as language, coalesce(p.is_canary, false) as is_canary,
             case when n.kind = 'contact_request' then app.organization_of(r.organizer_id) end as organization,
             exists (select 1 from app.event_registrations g join app.events e on e.id = g.event_id
                     where g.member_id = n.user_id and g.event_id::text = n.payload ->> 'event'
                       and g.status = 'confirmed' and e.status = 'scheduled' and e.starts_at > now()) as still_on
      from app.notifications n
      join auth.users u on u.id = n.user_id
      left join app.profiles p on p.id = n.user_id
      left join app.contact_requests r on n.kind = 'contact_request' and r.id::text = n.payload ->> 'request'
      where n.mailed_at is null and u.email is not null
      order by n.created_at, n.id
      limit ${size}
      for update of n skip locked`) as unknown as Row[];
    for (const row of rows) await mailOne(tx, appUrl, row);
    return rows.length;
  });
}

async function mailOne(tx: Tx, appUrl: string, row: Row) {
  const done = () => tx`update app.notifications set mailed_at = now() where id = ${row.id}::bigint`;
  const kind = row.kind as NotificationKind;
  // A decoy's address goes nowhere; a reminder for a place given up or an event called off is moot.
  if (row.is_canary || !(NOTIFICATION_KINDS as readonly string[]).includes(kind) || (kind === 'event_reminder' && !row.still_on)) {
    await done();
    return;
  }
  const language: Language = isLanguage(row.language) ? row.language : 'be';
  const mail =
    kind === 'contact_request'
      ? await renderContactRequestMail(language, appUrl, row.organization)
      : row.event
        ? await renderEventMail(kind, language, appUrl, row.event)
        : null;
  if (mail) await enqueueMail(tx, { to: row.email, language, ...mail });
  await done();
}

/** Mails every unmailed notification (in batches of 50); how many it took. */
export async function mailNotifications(sql: Sql, appUrl: string): Promise<number> {
  let total = 0;
  for (;;) {
    const taken = await mailBatch(sql, appUrl, 50);
    total += taken;
    if (taken < 50) return total;
  }
}

/**
 * The mailer as a background job (every minute): notifications written in SQL (places,
 * cancellations, reminders) and any the inline call after a send could not mail.
 */
export function notificationMailJob(options: { appUrl: string }): Job {
  return {
    name: 'notification-mail',
    everyMs: 60 * 1000,
    async run({ sql, log }) {
      const mailed = await mailNotifications(sql, options.appUrl);
      if (mailed > 0) log(`notification-mail: ${mailed} notification(s) mailed`);
    },
  };
}

/**
 * Right after an action that wrote notifications (a contact request, a place given up or
 * approved, an event called off), so the person hears at once. A failure only delays the mail:
 * the `notification-mail` job sends what this could not.
 */
export async function mailNotificationsNow(): Promise<void> {
  await mailNotifications(runtime().db.system, runtime().config.appUrl).catch(() => undefined);
}
