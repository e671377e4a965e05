import type { Sql, Tx } from '../db/client.server';
import type { Language } from '~/i18n/config';

/**
 * Every message we send is first a row in `app.mail_outbox`, written in the same transaction as
 * the change it reports. The sender (sender.server.ts) delivers it when SMTP is configured;
 * otherwise it stays for the development outbox at /dev/outbox.
 */

export type OutgoingMail = {
  to: string;
  template: string;
  language: Language;
  subject: string;
  text: string;
};

export async function enqueueMail(sql: Sql | Tx, mail: OutgoingMail) {
  await sql`
    insert into app.mail_outbox (to_address, template, locale, subject, body_text)
    values (${mail.to}, ${mail.template}, ${mail.language}, ${mail.subject}, ${mail.text})`;
}

export type OutboxEntry = {
  id: string;
  to: string;
  template: string;
  language: Language;
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
};

/** Newest first. Development only: the caller checks the mode. */
export async function listOutbox(sql: Sql, limit = 50): Promise<OutboxEntry[]> {
  const rows = await sql`
    select id::text, to_address, template, locale, subject, body_text, created_at, sent_at
    from app.mail_outbox order by id desc limit ${limit}`;
  return rows.map((row) => ({
    id: row.id as string,
    to: row.to_address as string,
    template: row.template as string,
    language: row.locale as Language,
    subject: row.subject as string,
    text: row.body_text as string,
    createdAt: row.created_at as Date,
    sentAt: row.sent_at as Date | null,
  }));
}
