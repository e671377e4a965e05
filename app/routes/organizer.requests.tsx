import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { Badge } from '~/components/ui/badge';
import { EmptyState } from '~/components/ui/empty-state';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower } from '~/modules/auth/session.server';
import { listSentRequests } from '~/modules/contact/organizer-requests.server';
import { formatDate } from '~/modules/files/format.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import contactStyles from '~/styles/contact.css';

export const handle = { i18n: ['common', 'contact'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: contactStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'sentRequests');

/**
 * The organizer's sent contact requests and where each stands. The channels of members who
 * accepted are not shown here: each showing is an audited reveal counted in the daily quota, and
 * a list that revealed every accepted member on each visit would spend the quota on nothing.
 * They are one click away, on the member's profile.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const language = await detectLanguage(request);
  try {
    const sent = await listSentRequests(identity);
    const requests = sent.map((entry) => ({ ...entry, sentOn: formatDate(entry.createdAt, language) }));
    return json({ requests });
  } catch (error) {
    if (error instanceof OrganizerRefusal) throw new Response('Forbidden', { status: 403 });
    throw error;
  }
}

/** Each status in words, with a tone that repeats it (never colour alone). */
const STATUS_TONES = { pending: 'info', accepted: 'ok', declined: 'neutral', withdrawn: 'neutral' } as const;

export default function SentRequests() {
  const { t } = useTranslation(['contact', 'common']);
  const { requests } = useLoaderData<typeof loader>();
  return (
    <>
      <OrganizerNav />
      <section aria-labelledby="sent-title">
        <h1 id="sent-title">{t('sent.title')}</h1>
        <p>{t('sent.intro')}</p>
        {requests.length === 0 ? (
          <EmptyState title={t('sent.noneTitle')} action={{ to: '/directory', label: t('common:titles.directory') }}>
            <p>{t('sent.none')}</p>
          </EmptyState>
        ) : (
          <ul className="request-list">
            {requests.map((entry) => (
              <li key={entry.id} className="request-card">
                <article aria-labelledby={`sent-${entry.id}`}>
                  <h2 id={`sent-${entry.id}`}>{entry.memberName ?? t('sent.nameHidden')}</h2>
                  <dl className="facts">
                    <dt>{t('sent.status')}</dt>
                    <dd>
                      <Badge tone={STATUS_TONES[entry.status]}>{t(`status.${entry.status}`)}</Badge>
                    </dd>
                    <dt>{t('sent.sentOn')}</dt>
                    <dd>{entry.sentOn}</dd>
                  </dl>
                  <p>
                    <Link to={`/people/${entry.memberId}`}>{t(entry.status === 'accepted' ? 'sent.seeContact' : 'sent.openProfile')}</Link>
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
