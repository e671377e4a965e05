import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '~/components/admin/admin-nav';
import { SubmitButton } from '~/components/ui/button';
import { Card } from '~/components/ui/card';
import { ConfirmDialog } from '~/components/ui/dialog';
import { EmptyState } from '~/components/ui/empty-state';
import { SelectField } from '~/components/ui/select-field';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { TextAreaField } from '~/components/ui/text-area-field';
import { countOpenAlerts } from '~/modules/admin/alerts.server';
import { CANARY_MAX_SKILLS } from '~/modules/admin/audit-vocabulary';
import { createCanary, listCanaries, retireCanary, type Canary } from '~/modules/admin/canaries.server';
import { CanaryActionSchema, CreateCanarySchema } from '~/modules/admin/oversight-schemas';
import { requirePower } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { loadReferenceOptions } from '~/modules/profiles/reference-options.server';
import { detectLanguage } from '~/platform/i18n.server';
import adminStyles from '~/styles/admin.css';

/**
 * Canary profiles (SECURITY T1): admins with a second factor plant decoy members that look like
 * any other in search; the moment an organizer opens one, admins get an alert. Listed with how
 * often they were opened; retiring one unmarks it and hides the decoy again.
 */
export const handle = { i18n: ['common', 'admin'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'canaries');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const language = await detectLanguage(request);
  const [canaries, options] = [await listCanaries(identity, language), await loadReferenceOptions(identity, language)];
  return json({ canaries, cities: options.cities, skills: options.skills, openAlerts: await countOpenAlerts(identity) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'admin');
  const submission = await parseForm(request, CanaryActionSchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), error: null }, { status: 400 });
  if (submission.value.intent === 'retire') {
    const outcome = await retireCanary(identity, submission.value.userId);
    if (!outcome.ok) return json({ result: null, error: outcome.error }, { status: 409 });
    return redirect('/admin/canaries?retired=1');
  }
  const outcome = await createCanary(identity, submission.value);
  if (!outcome.ok) return json({ result: submission.reply(), error: outcome.error }, { status: 400 });
  return redirect('/admin/canaries?created=1');
}

export default function Canaries() {
  const { t } = useTranslation('admin');
  const { canaries, openAlerts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <section className="stack admin-page" aria-labelledby="canaries-title">
      <AdminNav openAlerts={openAlerts} />
      <h1 id="canaries-title">{t('canaries.title')}</h1>
      <p>{t('canaries.intro')}</p>
      {searchParams.has('created') ? <Toast tone="success">{t('canaries.created')}</Toast> : null}
      {searchParams.has('retired') ? <Toast tone="success">{t('canaries.retired')}</Toast> : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <CanaryList canaries={canaries} />
      <CreateCanaryForm />
    </section>
  );
}

function CanaryList({ canaries }: { canaries: Canary[] }) {
  const { t } = useTranslation('admin');
  return (
    <section aria-labelledby="list-title" className="stack">
      <h2 id="list-title">{t('canaries.listTitle')}</h2>
      {canaries.length === 0 ? (
        <EmptyState title={t('canaries.empty')} headingLevel={3} action={{ to: '#create-title', label: t('canaries.createTitle') }}>
          <p>{t('canaries.emptyHint')}</p>
        </EmptyState>
      ) : null}
      <ul className="stack plain-list">
        {canaries.map((canary) => (
          <Card as="li" key={canary.id} className="stack" title={canary.displayName ?? t('trail.noName')} headingLevel={3} actions={<RetireCanary canary={canary} />}>
            <dl>
              {canary.headline ? (
                <>
                  <dt>{t('canaries.headline')}</dt>
                  <dd>{canary.headline}</dd>
                </>
              ) : null}
              <dt>{t('canaries.city')}</dt>
              <dd>{canary.city ?? '—'}</dd>
              <dt>{t('canaries.skills')}</dt>
              <dd>{canary.skills.join(', ') || '—'}</dd>
              <dt>{t('canaries.createdOn')}</dt>
              <dd>{canary.createdBy ? t('canaries.createdBy', { date: canary.createdAt, admin: canary.createdBy }) : canary.createdAt}</dd>
              <dt>{t('canaries.opened')}</dt>
              <dd>
                {t('canaries.views', { count: canary.views })}
                {canary.lastViewedAt ? ` · ${t('canaries.lastViewed', { date: canary.lastViewedAt })}` : null}
              </dd>
              {canary.note ? (
                <>
                  <dt>{t('canaries.note')}</dt>
                  <dd className="preserve-lines">{canary.note}</dd>
                </>
              ) : null}
            </dl>
          </Card>
        ))}
      </ul>
    </section>
  );
}

/** Retiring a canary, behind "are you sure?": its alerts stop, and a decoy disappears from search. */
function RetireCanary({ canary }: { canary: Canary }) {
  const { t } = useTranslation('admin');
  const name = canary.displayName ?? '';
  const label = canary.decoy ? t('canaries.retireDecoy', { name }) : t('canaries.unmark', { name });
  return (
    <ConfirmDialog
      triggerLabel={label}
      title={t('canaries.retireQuestion', { name })}
      variant="secondary"
      confirm={
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="retire" />
          {/* The button carries the canary: only the pressed one says it is working. */}
          <SubmitButton name="userId" value={canary.id} variant="danger">
            {t('canaries.retireConfirm')}
          </SubmitButton>
        </Form>
      }
    >
      <p>{t(canary.decoy ? 'canaries.retireDecoyHint' : 'canaries.unmarkHint')}</p>
    </ConfirmDialog>
  );
}

function CreateCanaryForm() {
  const { t } = useTranslation('admin');
  const { cities, skills } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateCanarySchema }),
  });
  return (
    <section aria-labelledby="create-title" className="stack">
      <h2 id="create-title">{t('canaries.createTitle')}</h2>
      <p>{t('canaries.createIntro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="create" />
        <Field meta={fields.displayName} label={t('canaries.displayName')} hint={t('canaries.displayNameHint')} namespace="admin" autoComplete="off" />
        <Field meta={fields.headline} label={t('canaries.headline')} namespace="admin" autoComplete="off" />
        <SelectField namespace="admin" meta={fields.city} label={t('canaries.city')} placeholder={t('canaries.chooseCity')} groups={cities} />
        <SelectField
          namespace="admin"
          meta={fields.skills}
          label={t('canaries.skills')}
          hint={t('canaries.skillsHint', { count: CANARY_MAX_SKILLS })}
          groups={skills}
          multiple
        />
        <TextAreaField meta={fields.note} label={t('canaries.note')} hint={t('canaries.noteHint')} rows={2} namespace="admin" />
        <div className="actions">
          <SubmitButton pendingLabel={t('common:pending.saving')}>{t('canaries.create')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
