import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '~/components/admin/admin-nav';
import { ActionLabel, ActorCell, DetailCell, TargetCell } from '~/components/admin/event-cells';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { acknowledgeAlert, countOpenAlerts, loadAlerts, type EventAlert, type ReportAlert } from '~/modules/admin/alerts.server';
import { AcknowledgeSchema } from '~/modules/admin/oversight-schemas';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import adminStyles from '~/styles/admin.css';

/**
 * Alerts for admins with a second factor: an organizer over a quota, an organizer opening a
 * canary profile, a member reporting abuse. Open ones first, each with an acknowledge button that
 * records who acknowledged it and when; then the newest acknowledged ones.
 */
export const handle = { i18n: ['common', 'admin'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'alerts');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const alerts = await loadAlerts(identity, await detectLanguage(request));
  return json({ ...alerts, openAlerts: await countOpenAlerts(identity) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const submission = await parseForm(request, AcknowledgeSchema);
  if (submission.status !== 'success') return json({ ok: false as const, error: 'errors.alertNotFound' }, { status: 400 });
  const { intent, id } = submission.value;
  const outcome = await acknowledgeAlert(identity, intent === 'acknowledgeAlert' ? 'event' : 'report', id);
  if (!outcome.ok) return json({ ok: false as const, error: outcome.error }, { status: 409 });
  return json({ ok: true as const, message: outcome.value ? 'alerts.acknowledgedNow' : 'alerts.alreadyAcknowledged' });
}

export default function Alerts() {
  const { t } = useTranslation('admin');
  const { open, acknowledged, openAlerts } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const nothingOpen = open.events.length === 0 && open.reports.length === 0;
  return (
    <section className="stack admin-page" aria-labelledby="alerts-title">
      <AdminNav openAlerts={openAlerts} />
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <p>{t('alerts.intro')}</p>
      {outcome?.ok ? <Toast tone="success">{t(outcome.message)}</Toast> : null}
      {outcome && !outcome.ok ? <Notice tone="error">{t(outcome.error)}</Notice> : null}
      <section aria-labelledby="open-title" className="stack">
        <h2 id="open-title">{t('alerts.openTitle')}</h2>
        {nothingOpen ? (
          <EmptyState title={t('alerts.noneOpen')} headingLevel={3} action={{ to: '/admin/audit', label: t('alerts.openTrail') }}>
            <p>{t('alerts.noneOpenHint')}</p>
          </EmptyState>
        ) : null}
        <EventAlerts alerts={open.events} />
        <ReportAlerts reports={open.reports} />
      </section>
      <section aria-labelledby="done-title" className="stack">
        <h2 id="done-title">{t('alerts.acknowledgedTitle')}</h2>
        {acknowledged.events.length === 0 && acknowledged.reports.length === 0 ? <p>{t('alerts.noneAcknowledged')}</p> : null}
        <EventAlerts alerts={acknowledged.events} />
        <ReportAlerts reports={acknowledged.reports} />
      </section>
    </section>
  );
}

function EventAlerts({ alerts }: { alerts: EventAlert[] }) {
  const { t } = useTranslation('admin');
  if (alerts.length === 0) return null;
  return (
    <ul className="stack plain-list">
      {alerts.map((alert) => (
        <Card
          as="li"
          key={alert.id}
          className="stack"
          headingLevel={3}
          title={
            <>
              <ActionLabel action={alert.action} /> — {alert.when}
            </>
          }
          actions={<Acknowledgement acknowledged={alert.acknowledged} intent="acknowledgeAlert" id={alert.id} />}
        >
          <dl>
            <dt>{t('trail.who')}</dt>
            <dd>
              <ActorCell actor={alert.actor} />
            </dd>
            <dt>{t('trail.whom')}</dt>
            <dd>
              <TargetCell target={alert.target} />
            </dd>
            {alert.details.length > 0 ? (
              <>
                <dt>{t('trail.detail')}</dt>
                <dd>
                  <DetailCell details={alert.details} />
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
      ))}
    </ul>
  );
}

function ReportAlerts({ reports }: { reports: ReportAlert[] }) {
  const { t } = useTranslation('admin');
  if (reports.length === 0) return null;
  return (
    <ul className="stack plain-list">
      {reports.map((report) => (
        <Card
          as="li"
          key={report.id}
          className="stack"
          headingLevel={3}
          title={`${t('alerts.abuseReport')} — ${report.when}`}
          actions={<Acknowledgement acknowledged={report.acknowledged} intent="acknowledgeReport" id={report.id} />}
        >
          <dl>
            <dt>{t('alerts.reportedOrganizer')}</dt>
            <dd>
              <ActorCell actor={report.organizer} />
            </dd>
            <dt>{t('alerts.reason')}</dt>
            <dd className="preserve-lines">{report.reason}</dd>
            <dt>{t('alerts.message')}</dt>
            <dd className="preserve-lines">{report.message}</dd>
          </dl>
        </Card>
      ))}
    </ul>
  );
}

function Acknowledgement({
  acknowledged,
  intent,
  id,
}: {
  acknowledged: EventAlert['acknowledged'];
  intent: 'acknowledgeAlert' | 'acknowledgeReport';
  id: string;
}) {
  const { t } = useTranslation('admin');
  if (acknowledged) {
    return <p className="muted">{t('alerts.acknowledgedBy', { admin: acknowledged.by ?? t('trail.erasedAccount'), date: acknowledged.at })}</p>;
  }
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {/* The button carries the alert: only the pressed one says it is working. */}
      <SubmitButton name="id" value={id}>
        {t('alerts.acknowledge')}
      </SubmitButton>
    </Form>
  );
}
