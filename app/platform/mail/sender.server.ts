import nodemailer from 'nodemailer';
import type { Sql } from '../db/client.server';

/**
 * Delivers the outbox by SMTP when SMTP_URL is set. Several app instances may run: each takes
 * rows with `for update skip locked`, so a message goes out once. Sent messages lose their body
 * after a week (their links are long dead by then, and old mail is data we need not keep).
 */

const BATCH = 20;
const MAX_ATTEMPTS = 8;

export function startMailSender(options: { sql: Sql; smtpUrl: string; from: string; log: (line: string) => void; intervalMs?: number }) {
  const transport = nodemailer.createTransport(options.smtpUrl);
  let running = true;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await sendBatch(options.sql, transport, options.from);
      await options.sql`delete from app.mail_outbox where sent_at < now() - interval '7 days'`;
    } catch (error) {
      options.log(`mail: ${(error as Error).message}`);
    }
  };
  const loop = async () => {
    while (running) {
      current = tick();
      await current;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    }
  };
  void loop();

  return {
    /** Sends what is waiting now; for tests and for a clean stop. */
    flush: () => tick(),
    async stop() {
      running = false;
      await current;
      transport.close();
    },
  };
}

async function sendBatch(sql: Sql, transport: nodemailer.Transporter, from: string) {
  await sql.begin(async (tx) => {
    const rows = await tx`
      select id, to_address, subject, body_text from app.mail_outbox
      where sent_at is null and attempts < ${MAX_ATTEMPTS}
      order by id limit ${BATCH} for update skip locked`;
    for (const row of rows) {
      try {
        await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body_text });
        await tx`update app.mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ${row.id}`;
      } catch (error) {
        // Never log the address: logs are data too.
        await tx`update app.mail_outbox set attempts = attempts + 1, last_error = ${(error as Error).message.slice(0, 500)}
                 where id = ${row.id}`;
      }
    }
  });
}
