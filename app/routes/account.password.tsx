import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { setNewPassword } from '~/modules/auth/auth.server';
import { NewPasswordFormSchema, passwordRules } from '~/modules/auth/schemas';
import { requireUser } from '~/modules/auth/session.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';

export const handle = { i18n: ['common', 'auth'] };
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'newPassword');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const submission = await parseForm(request, NewPasswordFormSchema);
  // Passwords are never sent back into the page.
  const reply = () => submission.reply({ hideFields: ['password', 'confirm'] });
  if (submission.status !== 'success') return json({ result: reply(), error: null }, { status: 400 });
  const outcome = await setNewPassword(request, submission.value.password);
  if (!outcome.ok) return json({ result: reply(), error: outcome.error }, { status: 400, headers: outcome.headers });
  return redirect('/account?passwordChanged=1', { headers: outcome.headers });
}

export default function NewPassword() {
  const { t } = useTranslation('auth');
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPasswordFormSchema }),
  });
  return (
    <section className="narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t('newPassword.title')}</h1>
      <p>{t('newPassword.intro')}</p>
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field
          meta={fields.password}
          label={t('fields.newPassword')}
          hint={t('fields.passwordHint', { min: passwordRules.minCharacters })}
          type="password"
          autoComplete="new-password"
        />
        <Field meta={fields.confirm} label={t('fields.confirmPassword')} type="password" autoComplete="new-password" />
        <div className="actions">
          <SubmitButton pendingLabel={t('common:pending.saving')}>{t('newPassword.submit')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
