import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { failureStatus, signUp } from '~/modules/auth/auth.server';
import { withRetryAfter } from '~/platform/rate-limit/retry-after-headers';
import { passwordRules, SignUpSchema } from '~/modules/auth/schemas';
import { requireAnonymous } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'auth'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signUp');
/** A refusal by a rate limit carries Retry-After into the page's response (ADR 026). */
export const headers: HeadersFunction = withRetryAfter;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, SignUpSchema);
  if (submission.status !== 'success') {
    // A password is never sent back into the page.
    return json({ result: submission.reply({ hideFields: ['password'] }), sent: false, error: null }, { status: 400 });
  }
  const outcome = await signUp(request, submission.value);
  if (!outcome.ok) {
    const result = submission.reply({ hideFields: ['password'] });
    return json({ result, sent: false, error: outcome.error }, { status: failureStatus(outcome.error), headers: outcome.headers });
  }
  // The same answer whether or not the address already has an account.
  return json({ result: submission.reply({ resetForm: true }), sent: true, error: null }, { headers: outcome.headers });
}

export default function SignUp() {
  const { t } = useTranslation('auth');
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
  });
  return (
    <section className="narrow" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      {data?.sent ? <Toast tone="success">{t('signUp.checkEmail')}</Toast> : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field meta={fields.email} label={t('fields.email')} type="email" autoComplete="email" />
        <Field
          meta={fields.password}
          label={t('fields.newPassword')}
          hint={t('fields.passwordHint', { min: passwordRules.minCharacters })}
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton>{t('signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('signIn.title')}</Link>
      </p>
    </section>
  );
}
