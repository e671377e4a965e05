import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { listDevelopmentOutbox } from '~/modules/dev/outbox.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outbox');

/** The development mail outbox: every message the app would have sent. 404 in production. */
export async function loader(_: LoaderFunctionArgs) {
  return json({ mails: await listDevelopmentOutbox() });
}

export default function Outbox() {
  const { t, i18n } = useTranslation();
  const { mails } = useLoaderData<typeof loader>();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {mails.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ol className="outbox">
        {mails.map((mail) => (
          <li key={mail.id} className="card">
            <h2>{mail.subject}</h2>
            <p className="muted">
              {t('outbox.to', { to: mail.to })} · <time dateTime={mail.createdAt}>{format.format(new Date(mail.createdAt))}</time>
            </p>
            <pre className="mail-body">{mail.text}</pre>
            {mail.links.map((link) => (
              <p key={link}>
                <a href={link}>{t('outbox.openLink')}</a>
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
