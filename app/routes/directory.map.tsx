import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { OrganizerNav } from '~/components/organizer/organizer-nav';
import { TalentMapLegend } from '~/components/talent-map/talent-map-legend';
import { TalentMapTable } from '~/components/talent-map/talent-map-table';
import { EmptyState } from '~/components/ui/empty-state';
import { OrganizerRefusal } from '~/modules/audit/refusals.server';
import { requirePower, requireUser } from '~/modules/auth/session.server';
import { loadTalentMap } from '~/modules/directory/talent-map.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import talentMapStyles from '~/styles/talent-map.css';
import { QuotaNotice } from '~/components/organizer/quota-notice';

export const handle = { i18n: ['common', 'talentMap'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: talentMapStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'talentMap');

/**
 * The talent map (acceptance 11): members open to organizers per city and skill category, as a
 * shaded table drawn on the server (no JavaScript needed). Organizers with a second factor only;
 * each view is audited and counted (app.talent_map); over the hourly quota, a translated 429.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const identity = await requirePower(request, 'organizer');
  const language = await detectLanguage(request);
  const map = await loadTalentMap(identity, language).catch((error: unknown) => {
    if (!(error instanceof OrganizerRefusal)) throw error;
    if (error.refusal.kind === 'quota') throw json({ quota: error.refusal.action }, { status: 429 });
    throw new Response('Forbidden', { status: 403 });
  });
  return json({ map });
}

export default function TalentMapPage() {
  const { t } = useTranslation(['talentMap', 'common']);
  const { map } = useLoaderData<typeof loader>();
  return (
    <div className="talent-map">
      <OrganizerNav />
      <h1>{t('common:titles.talentMap')}</h1>
      <p className="lead">{t('intro')}</p>
      <p className="muted">{t('privacyNote')}</p>
      {map.rows.length === 0 ? (
        <EmptyState title={t('empty.title')} action={{ to: '/directory', label: t('common:titles.directory') }}>
          <p>{t('empty.body')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="talent-map-hint">{t('scrollHint')}</p>
          <TalentMapTable map={map} />
          <TalentMapLegend steps={map.legend} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 429) {
    return (
      <div className="talent-map">
        <OrganizerNav />
        <QuotaNotice namespace="talentMap" back="/directory" />
      </div>
    );
  }
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
