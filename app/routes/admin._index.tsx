import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '~/components/admin/admin-nav';
import { SubmitButton } from '~/components/ui/button';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { AdminActionSchema } from '~/modules/admin/admin-schemas';
import { countOpenAlerts } from '~/modules/admin/alerts.server';
import { hasAdminPower, requireAdmin } from '~/modules/admin/require-admin.server';
import { loadVettingOverview, performAdminAction, type QueuedApplication, type RoleChange, type RoleHolder } from '~/modules/admin/vetting.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import adminStyles from '~/styles/admin.css';

/**
 * The admin page (/admin, the first of the admin pages): the organizer application queue (two different admins approve, one rejects),
 * the organizers and admins with revocation, and the log of role changes. Members get a 403; an
 * admin signed in without a second factor is sent to get one (the SQL functions refuse them).
 */
export const handle = { i18n: ['common', 'admin'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'admin');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireAdmin(request);
  if (!hasAdminPower(identity)) return json({ needsSecondFactor: true as const, overview: null, openAlerts: null });
  const overview = await loadVettingOverview(identity, await detectLanguage(request));
  return json({ needsSecondFactor: false as const, overview, me: identity.userId, openAlerts: await countOpenAlerts(identity) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireAdmin(request);
  const submission = await parseForm(request, AdminActionSchema);
  if (submission.status !== 'success') {
    const errors = Object.values(submission.error ?? {}).flat();
    return json({ ok: false as const, error: errors.find((error) => error?.startsWith('errors.')) ?? 'errors.invalid' }, { status: 400 });
  }
  if (!hasAdminPower(identity)) return json({ ok: false as const, error: 'errors.secondFactorNeeded' }, { status: 403 });
  const outcome = await performAdminAction(identity, submission.value);
  return json(outcome.ok ? { ok: true as const, message: outcome.message } : { ok: false as const, error: outcome.error }, { status: outcome.ok ? 200 : 409 });
}

export default function Admin() {
  const { t } = useTranslation('admin');
  const data = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <section className="stack admin-page" aria-labelledby="admin-title">
      <AdminNav openAlerts={data.openAlerts} />
      <h1 id="admin-title">{t('title')}</h1>
      {outcome?.ok ? <Toast tone="success">{t(outcome.message)}</Toast> : null}
      {outcome && !outcome.ok ? <Notice tone="error">{t(outcome.error)}</Notice> : null}
      {data.needsSecondFactor ? (
        <Notice tone="warning">
          <p>{t('secondFactor.body')}</p>
          <p>
            <Link to="/auth/second-factor?redirectTo=%2Fadmin" className="link-target">
              {t('secondFactor.link')}
            </Link>
          </p>
        </Notice>
      ) : (
        <>
          <Queue queue={data.overview.queue} />
          <Holders holders={data.overview.holders} me={data.me} />
          <Changes changes={data.overview.changes} />
        </>
      )}
    </section>
  );
}

function Queue({ queue }: { queue: QueuedApplication[] }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="queue-title" className="stack">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <p>{t('queue.intro')}</p>
      {queue.length === 0 ? (
        <EmptyState title={t('queue.empty')} headingLevel={3}>
          <p>{t('queue.emptyHint')}</p>
        </EmptyState>
      ) : null}
      {queue.map((application) => (
        <article key={application.id} className="card stack" aria-labelledby={`application-${application.id}`}>
          <h3 id={`application-${application.id}`}>
            {application.applicantName ?? application.applicantEmail} — {application.organization}
          </h3>
          <dl>
            <dt>{t('queue.email')}</dt>
            <dd>{application.applicantEmail}</dd>
            <dt>{t('queue.role')}</dt>
            <dd>{application.roleInOrganization}</dd>
            <dt>{t('queue.motivation')}</dt>
            <dd className="preserve-lines">{application.motivation}</dd>
            <dt>{t('queue.reference')}</dt>
            <dd className="preserve-lines">{application.reference}</dd>
            <dt>{t('queue.sentOn')}</dt>
            <dd>{application.createdAt}</dd>
          </dl>
          <h4>{t('queue.decisions')}</h4>
          {application.approvals.length === 0 ? (
            <p>{t('queue.noDecisions')}</p>
          ) : (
            <ul>
              {application.approvals.map((approval) => (
                <li key={approval.adminId}>
                  {t(`queue.decision.${approval.decision}`, { admin: approval.adminEmail, date: approval.at })}
                  {approval.note ? ` — ${approval.note}` : null}
                </li>
              ))}
            </ul>
          )}
          <DecisionForm applicationId={application.id} />
        </article>
      ))}
    </section>
  );
}

function DecisionForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('admin');
  const noteId = useId();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="field">
        <label htmlFor={noteId}>{t('queue.note')}</label>
        <textarea id={noteId} name="note" rows={2} maxLength={2000} />
      </div>
      <div className="actions">
        <SubmitButton name="intent" value="approve">
          {t('queue.approve')}
        </SubmitButton>
        <SubmitButton name="intent" value="reject" variant="danger">
          {t('queue.reject')}
        </SubmitButton>
      </div>
    </Form>
  );
}

function Holders({ holders, me }: { holders: RoleHolder[]; me: string }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="holders-title" className="stack">
      <h2 id="holders-title">{t('holders.title')}</h2>
      {holders.length === 0 ? <p>{t('holders.empty')}</p> : null}
      <ul className="stack plain-list">
        {holders.map((holder) => (
          <li key={`${holder.userId}-${holder.role}`} className="card stack">
            <p>
              <strong>{holder.displayName ?? holder.email}</strong> ({holder.email}) — {t(`roles.${holder.role}`)}
            </p>
            <p>
              {t('holders.since', { date: holder.grantedAt })}
              {holder.probationUntil ? ` · ${t('holders.probation', { date: holder.probationUntil })}` : null}
            </p>
            {holder.role === 'admin' && holder.userId === me ? null : <RevokeForm holder={holder} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RevokeForm({ holder }: { holder: RoleHolder }) {
  const { t } = useTranslation('admin');
  const reasonId = useId();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="userId" value={holder.userId} />
      <input type="hidden" name="role" value={holder.role} />
      <div className="field">
        <label htmlFor={reasonId}>{t('holders.reason', { email: holder.email })}</label>
        <input id={reasonId} name="reason" type="text" required maxLength={2000} />
      </div>
      <div className="actions">
        <SubmitButton name="intent" value="revoke" variant="danger">
          {t('holders.revoke', { role: t(`roles.${holder.role}`) })}
        </SubmitButton>
      </div>
    </Form>
  );
}

function Changes({ changes }: { changes: RoleChange[] }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="changes-title" className="stack">
      <h2 id="changes-title">{t('changes.title')}</h2>
      {changes.length === 0 ? <p>{t('changes.empty')}</p> : null}
      <ol className="stack">
        {changes.map((change) => (
          <li key={change.id}>
            {t(`changes.${change.change}`, {
              date: change.changedAt,
              actor: change.actorEmail ?? t('changes.unknownActor'),
              user: change.userEmail,
              role: t(`roles.${change.role}`),
            })}{' '}
            — {change.reason}
          </li>
        ))}
      </ol>
    </section>
  );
}
