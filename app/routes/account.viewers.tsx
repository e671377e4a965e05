import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '~/components/ui/empty-state';
import { listMyViewers } from '~/modules/audit/viewers.server';
import { requireUser } from '~/modules/auth/session.server';
import { formatDate } from '~/modules/files/format.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';

export const handle = { i18n: ['common', 'audit', 'profile'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'viewers');

/**
 * "Who viewed my profile": every organizer who opened the member's profile, newest first, with
 * their organization. Dates are written by the server in the page's language (Chromium has no
 * Belarusian dates, and hydration needs the same text).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const language = await detectLanguage(request);
  const viewers = await listMyViewers(identity);
  return json({
    views: viewers.map((view, index) => ({
      key: `${view.viewedAt}-${index}`,
      organization: view.organization,
      organizer: view.organizerName,
      date: formatDate(view.viewedAt, language),
    })),
  });
}

export default function WhoViewedMe() {
  const { t } = useTranslation('audit');
  const { views } = useLoaderData<typeof loader>();
  return (
    <section className="narrow" aria-labelledby="viewers-title">
      <h1 id="viewers-title">{t('viewers.title')}</h1>
      <p>{t('viewers.intro')}</p>
      {views.length === 0 ? (
        <EmptyState title={t('viewers.none')} action={{ to: '/account/profile/visibility', label: t('profile:overview.changeVisibility') }}>
          <p>{t('viewers.noneNext')}</p>
        </EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('viewers.organization')}</th>
              <th scope="col">{t('viewers.organizer')}</th>
              <th scope="col">{t('viewers.date')}</th>
            </tr>
          </thead>
          <tbody>
            {views.map((view) => (
              <tr key={view.key}>
                <td>{view.organization ?? t('viewers.noOrganization')}</td>
                <td>{view.organizer ?? t('viewers.nameHidden')}</td>
                <td>{view.date}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('viewers.hideHint')}</p>
      <p>
        <Link to="/account">{t('viewers.back')}</Link>
      </p>
    </section>
  );
}
