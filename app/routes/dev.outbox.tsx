import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Card } from '~/components/ui/card';
import { listDevelopmentOutbox } from '~/modules/dev/outbox.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';

export const handle = { i18n: ['common'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outbox');

/** The development mail outbox: every message the app would have sent. 404 in production. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [mails, language] = await Promise.all([listDevelopmentOutbox(), detectLanguage(request)]);
  // Dates are written on the server: Chromium has no Belarusian date formats and would fall back
  // to the browser's own locale (and disagree with the server's HTML while hydrating).
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  return json({ mails: mails.map((mail) => ({ ...mail, createdAtText: format.format(new Date(mail.createdAt)) })) });
}

export default function Outbox() {
  const { t } = useTranslation();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <p>{mails.length === 0 ? t('outbox.empty') : t('outbox.count', { count: mails.length })}</p>
      <ol className="outbox">
        {mails.map((mail) => (
          <Card key={mail.id} as="li" title={<span lang={mail.language}>{mail.subject}</span>}>
            <p className="muted">
              {t('outbox.to', { to: mail.to })} · <time dateTime={mail.createdAt}>{mail.createdAtText}</time>
            </p>
            <pre className="mail-body" lang={mail.language}>
              {mail.text}
            </pre>
            {mail.links.map((link) => (
              <p key={link}>
                <a href={link}>{t('outbox.openLink')}</a>
              </p>
            ))}
          </Card>
        ))}
      </ol>
    </section>
  );
}
