import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RevealedContact } from '~/components/contact/revealed-contact';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { Notice } from '~/components/ui/notice';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower } from '~/modules/auth/session.server';
import { listSentRequests, revealContact, type RevealOutcome } from '~/modules/contact/organizer-requests.server';
import { formatDate } from '~/modules/files/format.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import contactStyles from '~/styles/contact.css';

export const handle = { i18n: ['common', 'contact'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: contactStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sentRequests');

/**
 * The organizer's sent contact requests and where each stands. For accepted ones the member's
 * channels (and CV link) are shown: each is a reveal, audited and counted in the daily quota.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const language = await detectLanguage(request);
  try {
    const sent = await listSentRequests(identity);
    let revealQuota = false;
    const requests = [];
    for (const entry of sent) {
      const reveal: RevealOutcome | null = entry.status === 'accepted' && !revealQuota ? await revealContact(identity, entry.memberId) : null;
      revealQuota ||= reveal?.quota === true;
      requests.push({
        ...entry,
        sentOn: formatDate(entry.createdAt, language),
        revealed: reveal?.revealed ?? null,
      });
    }
    return json({ requests, revealQuota });
  } catch (error) {
    if (error instanceof OrganizerRefusal) throw new Response('Forbidden', { status: 403 });
    throw error;
  }
}

export default function SentRequests() {
  const { t } = useTranslation('contact');
  const { requests, revealQuota } = useLoaderData<typeof loader>();
  return (
    <>
      <OrganizerNav />
      <section aria-labelledby="sent-title">
        <h1 id="sent-title">{t('sent.title')}</h1>
        <p>{t('sent.intro')}</p>
        {revealQuota ? <Notice tone="warning">{t('errors.revealQuota')}</Notice> : null}
        {requests.length === 0 ? <p>{t('sent.none')}</p> : null}
        <ul className="request-list">
          {requests.map((entry) => (
            <li key={entry.id} className="request-card">
              <article aria-labelledby={`sent-${entry.id}`}>
                <h2 id={`sent-${entry.id}`}>{entry.memberName ?? t('sent.nameHidden')}</h2>
                <dl className="facts">
                  <dt>{t('sent.status')}</dt>
                  <dd>{t(`status.${entry.status}`)}</dd>
                  <dt>{t('sent.sentOn')}</dt>
                  <dd>{entry.sentOn}</dd>
                </dl>
                {entry.revealed ? <RevealedContact memberId={entry.memberId} revealed={entry.revealed} headingId={`channels-${entry.id}`} /> : null}
                <p>
                  <Link to={`/people/${entry.memberId}`}>{t('sent.openProfile')}</Link>
                </p>
              </article>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
