import { listOutbox } from '~/platform/mail/outbox.server';
import { runtime } from '~/platform/runtime.server';

/**
 * The development outbox. Mail holds sign-in links, so it exists only where nothing is real:
 * not in production, not in supabase mode (Supabase sends its own auth mail).
 */
export async function listDevelopmentOutbox() {
  const { config, db } = runtime();
  if (config.env === 'production' || config.mode === 'supabase') {
    throw new Response('Not found', { status: 404 });
  }
  const mails = await listOutbox(db.system);
  return mails.map((mail) => ({
    id: mail.id,
    to: mail.to,
    language: mail.language,
    subject: mail.subject,
    text: mail.text,
    createdAt: mail.createdAt.toISOString(),
    links: [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]),
  }));
}
