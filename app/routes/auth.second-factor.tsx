import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { afterSecondFactorFailure, continueTo, giveSecondFactor, listFactors, securityTitle } from '~/modules/auth/second-factor.server';
import { SecondFactorSchema } from '~/modules/auth/second-factor-schemas';
import { requireUser, safeRedirect } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';

export const handle = { i18n: ['common', 'security'] };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ''} · Talaka` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const target = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  if (identity.aal === 'aal2') throw redirect(target);
  const factors = await listFactors(request);
  if (!factors.some((factor) => factor.verified)) {
    throw redirect(`/account/security?${new URLSearchParams({ redirectTo: target })}`);
  }
  return json({ title: await securityTitle(request, 'secondFactor.title') });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const submission = await parseForm(request, SecondFactorSchema);
  const reply = () => submission.reply({ hideFields: ['code'] });
  if (submission.status !== 'success') return json({ result: reply(), error: null }, { status: 400 });
  const outcome = await giveSecondFactor(request, submission.value.code);
  if (outcome.ok) continueTo(submission.value.redirectTo, outcome.headers);
  afterSecondFactorFailure(outcome);
  return json({ result: reply(), error: outcome.error }, { status: 400, headers: outcome.headers });
}

export default function SecondFactor() {
  const { t } = useTranslation('security');
  useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SecondFactorSchema }),
  });
  const ended = data?.error === 'errors.tooManyAttempts' || data?.error === 'errors.notSignedIn';
  return (
    <section className="narrow" aria-labelledby="second-factor-title">
      <h1 id="second-factor-title">{t('secondFactor.title')}</h1>
      <p>{t('secondFactor.intro')}</p>
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {ended ? (
        <p>
          <Link to="/sign-in">{t('secondFactor.signInAgain')}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
          <Field meta={fields.code} label={t('fields.code')} inputMode="numeric" autoComplete="one-time-code" namespace="security" />
          <SubmitButton>{t('secondFactor.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
