import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ReceivedRequest } from '~/components/contact/received-request';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { requireUser } from '~/modules/auth/session.server';
import { MemberAnswerSchema } from '~/modules/contact/contact-schemas';
import { answerAsMember, openMyInbox, readWhatIShare } from '~/modules/contact/member-requests.server';
import { formatDate } from '~/modules/files/format.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage, translator } from '~/platform/i18n.server';
import contactStyles from '~/styles/contact.css';

export const handle = { i18n: ['common', 'contact', 'profile'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: contactStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'contactRequests');

const DONE = ['accept', 'decline', 'block', 'unblock', 'report'] as const;

/**
 * The member's contact requests: pending ones first, each with the organizer, organization,
 * message and date, and the answers (accept, decline, block, report). Opening the page marks
 * the request notifications read. For an accepted request, one plain line says what that
 * organizer now sees.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const language = await detectLanguage(request);
  const [requests, sharing] = await Promise.all([openMyInbox(identity), readWhatIShare(identity)]);
  const t = await translator(language, 'contact');
  const seen = [sharing.channels ? t('inbox.nowSeesChannels') : null, sharing.cv ? t('inbox.nowSeesCv') : null].filter(Boolean);
  const nowSees = t('inbox.nowSees', {
    what: seen.length ? seen.join(', ') : t('inbox.nowSeesNothing'),
  });
  const entries = requests.map(({ createdAt, answeredAt: _answered, ...entry }) => ({
    ...entry,
    received: formatDate(createdAt, language),
  }));
  return json({ entries, nowSees });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const requestId = typeof form?.get('requestId') === 'string' ? (form.get('requestId') as string) : null;
  const submission = await parseForm(request, MemberAnswerSchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), requestId, error: null }, { status: 400 });
  const outcome = await answerAsMember(identity, submission.value);
  if (!outcome.ok) return json({ result: submission.reply(), requestId, error: outcome.error }, { status: 404 });
  return redirect(`/account/requests?done=${outcome.done}`);
}

export default function ContactRequests() {
  const { t } = useTranslation('contact');
  const { entries, nowSees } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = DONE.find((intent) => intent === searchParams.get('done'));
  const pending = entries.filter((entry) => entry.status === 'pending');
  const answered = entries.filter((entry) => entry.status !== 'pending');
  const list = (shown: typeof entries) => (
    <ul className="request-list">
      {shown.map((entry) => (
        <ReceivedRequest
          key={entry.id}
          entry={entry}
          nowSees={nowSees}
          reportResult={data?.requestId === entry.id && !data.error ? data.result : undefined}
        />
      ))}
    </ul>
  );
  return (
    <section className="narrow" aria-labelledby="requests-title">
      <h1 id="requests-title">{t('inbox.title')}</h1>
      <p>{t('inbox.intro')}</p>
      {done ? <Toast tone="success">{t(`inbox.done.${done}`)}</Toast> : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {data && !data.error && !data.requestId ? <Notice tone="error">{t('errors.unknownRequest')}</Notice> : null}
      {entries.length === 0 ? (
        <EmptyState title={t('inbox.none')} action={{ to: '/account/profile/visibility', label: t('profile:overview.changeVisibility') }}>
          <p>{t('inbox.noneNext')}</p>
        </EmptyState>
      ) : null}
      {pending.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('inbox.pending')}</h2>
          {list(pending)}
        </section>
      ) : null}
      {answered.length > 0 ? (
        <section aria-labelledby="answered-title">
          <h2 id="answered-title">{t('inbox.answered')}</h2>
          {list(answered)}
        </section>
      ) : null}
      <p>
        <Link to="/account/profile/contact">{t('inbox.editChannels')}</Link>
      </p>
      <p>
        <Link to="/account">{t('inbox.back')}</Link>
      </p>
    </section>
  );
}
