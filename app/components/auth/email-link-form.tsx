import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Field } from '~/components/ui/field';
import { Toast } from '~/components/ui/toast';
import { EmailOnlySchema } from '~/modules/auth/schemas';

/**
 * "Send me a link" pages (password reset, magic link): one e-mail field, and afterwards the same
 * message whether or not the address has an account.
 */
export function EmailLinkForm({
  section,
  lastResult,
  sent,
}: {
  section: 'forgot' | 'magicLink';
  lastResult: SubmissionResult<string[]> | undefined;
  sent: boolean;
}) {
  const { t } = useTranslation('auth');
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailOnlySchema }),
  });
  const titleId = `${section}-title`;
  return (
    <section className="narrow" aria-labelledby={titleId}>
      <h1 id={titleId}>{t(`${section}.title`)}</h1>
      <p>{t(`${section}.intro`)}</p>
      {sent ? <Toast tone="success">{t(`${section}.sent`)}</Toast> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field meta={fields.email} label={t('fields.email')} type="email" autoComplete="email" />
        <SubmitButton pendingLabel={t('common:pending.sending')}>{t(`${section}.submit`)}</SubmitButton>
      </Form>
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}
