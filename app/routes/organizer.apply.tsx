import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { TextAreaField } from '~/components/ui/text-area-field';
import { requireUser } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { ApplicationFormSchema, OrganizerApplicationSchema } from '~/modules/organizers/application-schema';
import { applyToBeOrganizer, readMyLatestApplication, withdrawMyApplication } from '~/modules/organizers/applications.server';
import { detectLanguage } from '~/platform/i18n.server';

/**
 * "Become an organizer": a member applies for a named organization, sees where their application
 * stands and may withdraw it while it waits. Two different admins decide (SECURITY T3).
 */
export const handle = { i18n: ['common', 'organizers'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organizerApply');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const application = await readMyLatestApplication(identity, await detectLanguage(request));
  return json({ application, isOrganizer: identity.roles.includes('organizer') });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const submission = await parseForm(request, ApplicationFormSchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), error: null }, { status: 400 });
  if (submission.value.intent === 'withdraw') {
    await withdrawMyApplication(identity, submission.value.applicationId);
    return redirect('/organizer/apply?withdrawn=1');
  }
  const outcome = await applyToBeOrganizer(identity, submission.value);
  if (!outcome.ok) return json({ result: submission.reply(), error: outcome.error }, { status: 409 });
  return redirect('/organizer/apply?applied=1');
}

export default function OrganizerApply() {
  const { t } = useTranslation('organizers');
  const { application, isOrganizer } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const pending = application?.status === 'pending';
  return (
    <section className="narrow stack" aria-labelledby="apply-title">
      <h1 id="apply-title">{t('apply.title')}</h1>
      {searchParams.has('applied') ? <Notice tone="success">{t('apply.sent')}</Notice> : null}
      {searchParams.has('withdrawn') ? <Notice tone="success">{t('apply.withdrawnNotice')}</Notice> : null}
      {isOrganizer ? <Notice tone="info">{t('apply.alreadyOrganizer')}</Notice> : null}
      {application ? <ApplicationStatus application={application} /> : null}
      {!isOrganizer && !pending ? <ApplicationForm /> : null}
    </section>
  );
}

type Application = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['application']>;

function ApplicationStatus({ application }: { application: Application }) {
  const { t } = useTranslation('organizers');
  return (
    <section aria-labelledby="status-title" className="stack">
      <h2 id="status-title">{t('status.title')}</h2>
      <dl>
        <dt>{t('fields.organization')}</dt>
        <dd>{application.organization}</dd>
        <dt>{t('fields.roleInOrganization')}</dt>
        <dd>{application.roleInOrganization}</dd>
        <dt>{t('status.sentOn')}</dt>
        <dd>{application.createdAt}</dd>
        <dt>{t('status.label')}</dt>
        <dd>{t(`status.${application.status}`)}</dd>
      </dl>
      {application.status === 'pending' ? (
        <Form method="post">
          <input type="hidden" name="applicationId" value={application.id} />
          <SubmitButton variant="secondary" name="intent" value="withdraw">
            {t('status.withdraw')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

function ApplicationForm() {
  const { t } = useTranslation(['organizers', 'common']);
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizerApplicationSchema }),
  });
  return (
    <section aria-labelledby="form-title" className="stack">
      <h2 id="form-title">{t('apply.formTitle')}</h2>
      <p>{t('apply.intro')}</p>
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="apply" />
        <Field meta={fields.organization} label={t('fields.organization')} namespace="organizers" autoComplete="organization" />
        <Field meta={fields.roleInOrganization} label={t('fields.roleInOrganization')} namespace="organizers" autoComplete="organization-title" />
        <TextAreaField meta={fields.motivation} label={t('fields.motivation')} hint={t('fields.motivationHint')} namespace="organizers" />
        <TextAreaField meta={fields.reference} label={t('fields.reference')} hint={t('fields.referenceHint')} rows={3} namespace="organizers" />
        <SubmitButton pendingLabel={t('common:pending.sending')}>{t('apply.submit')}</SubmitButton>
      </Form>
    </section>
  );
}
