import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '~/components/admin/admin-nav';
import { ActionLabel, ActorCell, DetailCell, TargetCell } from '~/components/admin/event-cells';
import { Button, ButtonLink } from '~/components/ui/button';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { Pagination } from '~/components/ui/pagination';
import { countOpenAlerts } from '~/modules/admin/alerts.server';
import { filtersSearch, readAuditFilters } from '~/modules/admin/audit-filters';
import { browseAuditTrail } from '~/modules/admin/audit-trail.server';
import { AUDIT_ACTIONS } from '~/modules/admin/audit-vocabulary';
import { requirePower } from '~/modules/auth/session.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import adminStyles from '~/styles/admin.css';

/**
 * The audit trail for admins with a second factor: every search, view, reveal and export,
 * newest first, filtered by action, actor and days (all in the URL), 50 rows a page. No IP
 * addresses exist to show.
 */
export const handle = { i18n: ['common', 'admin'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auditTrail');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const { filters, ignored } = readAuditFilters(new URL(request.url).searchParams);
  const page = await browseAuditTrail(identity, filters, await detectLanguage(request));
  return json({
    filters,
    ignored,
    events: page.events,
    next: page.next ? filtersSearch(filters, page.next) : null,
    openAlerts: await countOpenAlerts(identity),
  });
}

export default function AuditTrail() {
  const { t } = useTranslation('admin');
  const { filters, ignored, events, next, openAlerts } = useLoaderData<typeof loader>();
  return (
    <section className="stack admin-page" aria-labelledby="trail-title">
      <AdminNav openAlerts={openAlerts} />
      <h1 id="trail-title">{t('trail.title')}</h1>
      <p>{t('trail.intro')}</p>
      {ignored ? <Notice tone="warning">{t('trail.ignoredFilters')}</Notice> : null}
      <Filters filters={filters} />
      {events.length === 0 ? (
        <TrailEmpty filters={filters} />
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('trail.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trail.when')}</th>
                <th scope="col">{t('trail.who')}</th>
                <th scope="col">{t('trail.what')}</th>
                <th scope="col">{t('trail.whom')}</th>
                <th scope="col">{t('trail.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td data-label={t('trail.when')}>
                    <div>{event.when}</div>
                  </td>
                  <td data-label={t('trail.who')}>
                    <div>
                      <ActorCell actor={event.actor} />
                    </div>
                  </td>
                  <td data-label={t('trail.what')}>
                    <div>
                      <ActionLabel action={event.action} />
                    </div>
                  </td>
                  <td data-label={t('trail.whom')}>
                    <div>
                      <TargetCell target={event.target} />
                    </div>
                  </td>
                  <td data-label={t('trail.detail')}>
                    <div>
                      <DetailCell details={event.details} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* Newest first: "previous" goes back to the newest entries, "next" to older ones. */}
      <Pagination
        label={t('trail.pages')}
        previous={filters.before && events.length > 0 ? filtersSearch(filters) : undefined}
        next={next ?? undefined}
        previousLabel={t('trail.newest')}
        nextLabel={t('trail.older')}
      />
    </section>
  );
}

type Filters = ReturnType<typeof useLoaderData<typeof loader>>['filters'];

/** No entry: past the oldest page, none for these filters, or nothing recorded at all yet. */
function TrailEmpty({ filters }: { filters: Filters }) {
  const { t } = useTranslation('admin');
  if (filters.before) return <EmptyState title={t('trail.empty')} action={{ to: filtersSearch(filters), label: t('trail.newest') }} />;
  if (filters.action || filters.who || filters.from || filters.to) {
    return (
      <EmptyState title={t('trail.empty')} action={{ to: '/admin/audit', label: t('trail.clear') }}>
        <p>{t('trail.emptyHint')}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('trail.noneTitle')}>
      <p>{t('trail.noneHint')}</p>
    </EmptyState>
  );
}

function Filters({ filters }: { filters: Filters }) {
  const { t } = useTranslation('admin');
  const id = useId();
  return (
    <Form method="get" className="admin-filters" aria-label={t('trail.filters')}>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('trail.action')}</label>
        <select id={`${id}-action`} name="action" defaultValue={filters.action ?? ''}>
          <option value="">{t('trail.anyAction')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-who`}>{t('trail.whoFilter')}</label>
        <input id={`${id}-who`} name="who" type="search" maxLength={200} defaultValue={filters.who ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('trail.from')}</label>
        <input id={`${id}-from`} name="from" type="date" defaultValue={filters.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('trail.to')}</label>
        <input id={`${id}-to`} name="to" type="date" defaultValue={filters.to ?? ''} />
      </div>
      <div className="actions">
        <Button type="submit">{t('trail.apply')}</Button>
        <ButtonLink to="/admin/audit" variant="secondary">
          {t('trail.clear')}
        </ButtonLink>
      </div>
    </Form>
  );
}
