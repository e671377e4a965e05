import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../app/platform/db/embedded.server';
import { enqueueMail } from '../../app/platform/mail/outbox.server';
import { startMailSender } from '../../app/platform/mail/sender.server';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** With SMTP_URL set, the outbox is delivered by SMTP, once, and marked sent. */
type Received = { from: string; to: string[]; data: string };
let t: TestDatabase;
let server: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.drop();
});

describe('SMTP mail sender', () => {
  it('delivers waiting mail once and records it as sent', async () => {
    await enqueueMail(t.sql, { to: 'ales@example.org', template: 'test', language: 'be', subject: 'Прывітанне', text: 'Тэкст ліста' });
    const sender = startMailSender({ sql: t.sql, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Talaka <no-reply@talaka.test>', log: () => {}, intervalMs: 60_000 });
    await sender.flush();
    await sender.flush();
    await sender.stop();

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['ales@example.org']);
    expect(received[0]!.from).toBe('no-reply@talaka.test');
    const [row] = await t.sql`select sent_at, attempts, last_error from app.mail_outbox`;
    expect(row?.sent_at).toBeInstanceOf(Date);
    expect(row).toMatchObject({ attempts: 1, last_error: null });
  });

  it('keeps mail it could not deliver, with the error, for a later attempt', async () => {
    await t.sql`delete from app.mail_outbox`;
    await enqueueMail(t.sql, { to: 'taras@example.org', template: 'test', language: 'en', subject: 'Hello', text: 'Body' });
    const closedPort = await freePort();
    const sender = startMailSender({ sql: t.sql, smtpUrl: `smtp://127.0.0.1:${closedPort}`, from: 'no-reply@talaka.test', log: () => {}, intervalMs: 60_000 });
    await sender.flush();
    await sender.stop();
    const [row] = await t.sql`select sent_at, attempts, last_error from app.mail_outbox`;
    expect(row?.sent_at).toBeNull();
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toMatch(/ECONNREFUSED|connect/i);
  });
});
