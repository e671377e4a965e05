import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, Link, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
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
  const busy = useNavigation().state === 'submitting';
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
      {sent ? <Notice tone="success">{t(`${section}.sent`)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <Field meta={fields.email} label={t('fields.email')} type="email" autoComplete="email" />
        <button type="submit" className="button" disabled={busy}>
          {t(`${section}.submit`)}
        </button>
      </Form>
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </section>
  );
}
