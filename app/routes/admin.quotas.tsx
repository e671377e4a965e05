import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '~/components/admin/admin-nav';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { SelectField } from '~/components/ui/select-field';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { countOpenAlerts } from '~/modules/admin/alerts.server';
import { QUOTA_INTERVALS, QUOTA_LIMIT_MAX, QUOTA_LIMIT_MIN } from '~/modules/admin/audit-vocabulary';
import { QuotaFormSchema } from '~/modules/admin/oversight-schemas';
import { loadQuotas, setQuota, type QuotaChange, type QuotaRow } from '~/modules/admin/quotas.server';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import adminStyles from '~/styles/admin.css';

/**
 * Quotas (issue 4, acceptance 6): how many searches, views, contact requests, reveals, exports
 * and map views each organizer may make per hour, day or week (halved on probation). Admins with
 * a second factor change them here; the next organizer call counts against the new limit, and
 * every change is logged with its admin.
 */
export const handle = { i18n: ['common', 'admin'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'quotas');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const quotas = await loadQuotas(identity, await detectLanguage(request));
  return json({ ...quotas, openAlerts: await countOpenAlerts(identity) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const submission = await parseForm(request, QuotaFormSchema);
  const action = submission.payload.action;
  const submitted = typeof action === 'string' ? action : null;
  if (submission.status !== 'success') return json({ action: submitted, result: submission.reply(), error: null, saved: false }, { status: 400 });
  const outcome = await setQuota(identity, submission.value);
  if (!outcome.ok) return json({ action: submitted, result: submission.reply(), error: outcome.error, saved: false }, { status: 400 });
  return json({ action: submitted, result: null, error: null, saved: outcome.value.changed });
}

export default function Quotas() {
  const { t } = useTranslation('admin');
  const { limits, changes, openAlerts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="stack admin-page" aria-labelledby="quotas-title">
      <AdminNav openAlerts={openAlerts} />
      <h1 id="quotas-title">{t('quotas.title')}</h1>
      <p>{t('quotas.intro')}</p>
      {data && data.result === null && !data.error ? (
        <Toast tone="success">{t(data.saved ? 'quotas.saved' : 'quotas.unchanged', { action: t(`quotas.names.${data.action}`, { defaultValue: data.action ?? '' }) })}</Toast>
      ) : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <ul className="stack plain-list">
        {limits.map((quota) => (
          <Card as="li" key={quota.action} className="stack">
            <QuotaForm quota={quota} />
          </Card>
        ))}
      </ul>
      <Changes changes={changes} />
    </section>
  );
}

function QuotaForm({ quota }: { quota: QuotaRow }) {
  const { t } = useTranslation('admin');
  const data = useActionData<typeof action>();
  const mine = data?.action === quota.action;
  const [form, fields] = useForm({
    id: `quota-${quota.action}`,
    lastResult: mine ? data?.result : undefined,
    defaultValue: { limit: String(quota.limit), interval: quota.interval },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuotaFormSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack" aria-labelledby={`${form.id}-title`}>
      <h2 id={`${form.id}-title`}>{t(`quotas.names.${quota.action}`, { defaultValue: quota.action })}</h2>
      <p className="muted">
        {quota.changedAt ? t('quotas.lastChange', { date: quota.changedAt, admin: quota.changedBy ?? t('trail.erasedAccount') }) : t('quotas.default')}
      </p>
      <input type="hidden" name="intent" value="setQuota" />
      <div className="quota-form">
        <Field
          meta={fields.limit}
          label={t('quotas.limit')}
          hint={t('quotas.limitHint', { min: QUOTA_LIMIT_MIN, max: QUOTA_LIMIT_MAX })}
          inputMode="numeric"
          autoComplete="off"
          namespace="admin"
        />
        <SelectField
          namespace="admin"
          meta={fields.interval}
          label={t('quotas.interval')}
          options={QUOTA_INTERVALS.map((interval) => ({ value: interval, label: t(`quotas.per.${interval}`) }))}
        />
      </div>
      <div className="actions">
        {/* The button carries the quota's name, so only this form's button says it is working. */}
        <SubmitButton name="action" value={quota.action} pendingLabel={t('common:pending.saving')}>
          {t('quotas.save')}
        </SubmitButton>
      </div>
    </Form>
  );
}

function Changes({ changes }: { changes: QuotaChange[] }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="quota-changes-title" className="stack">
      <h2 id="quota-changes-title">{t('quotas.changesTitle')}</h2>
      {changes.length === 0 ? <p>{t('quotas.noChanges')}</p> : null}
      <ol className="stack">
        {changes.map((change) => (
          <li key={change.id}>
            {t('quotas.change', {
              date: change.at,
              admin: change.by ?? t('trail.erasedAccount'),
              action: t(`quotas.names.${change.action}`, { defaultValue: change.action }),
              from: t(`quotas.amount.${change.oldInterval}`, { count: change.oldLimit, defaultValue: String(change.oldLimit) }),
              to: t(`quotas.amount.${change.newInterval}`, { count: change.newLimit, defaultValue: String(change.newLimit) }),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
