import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { failureStatus, signIn } from '~/modules/auth/auth.server';
import { withRetryAfter } from '~/platform/rate-limit/retry-after-headers';
import { SignInSchema } from '~/modules/auth/schemas';
import { requireAnonymous } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'auth', 'security'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signIn');
/** A refusal by a rate limit carries Retry-After into the page's response (ADR 026). */
export const headers: HeadersFunction = withRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, SignInSchema);
  if (submission.status !== 'success') {
    // A password is never sent back into the page.
    return json({ result: submission.reply({ hideFields: ['password'] }), error: null }, { status: 400 });
  }
  // Success throws the redirect: to `redirectTo` when it is a path of ours, else to /account
  // (safeRedirect), by way of the second factor for organizers and admins.
  const failure = await signIn(request, submission.value);
  return json(
    { result: submission.reply({ hideFields: ['password'] }), error: failure.ok ? null : failure.error },
    { status: failure.ok ? 400 : failureStatus(failure.error), headers: failure.headers },
  );
}

export default function SignIn() {
  const { t } = useTranslation('auth');
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { redirectTo: searchParams.get('redirectTo') ?? '' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });
  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {searchParams.get('ended') === 'second-factor' ? (
        <Notice tone="error">{t('security:errors.tooManyAttempts')}</Notice>
      ) : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <input {...getInputProps(fields.redirectTo, { type: 'hidden' })} />
        <Field meta={fields.email} label={t('fields.email')} type="email" autoComplete="email" />
        <Field meta={fields.password} label={t('fields.password')} type="password" autoComplete="current-password" />
        <SubmitButton>{t('signIn.submit')}</SubmitButton>
      </Form>
      <ul className="links">
        <li>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </li>
        <li>
          <Link to="/magic-link">{t('signIn.magicLink')}</Link>
        </li>
        <li>
          {t('signIn.noAccount')} <Link to="/sign-up">{t('signUp.title')}</Link>
        </li>
      </ul>
    </section>
  );
}
