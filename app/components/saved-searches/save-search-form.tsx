import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { CheckboxField } from '~/components/ui/checkbox';
import { Field } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SaveSearchSchema } from '~/modules/saved-searches/saved-search-schemas';

/**
 * Naming a search. The form posts to the page's own address, query string included, so the
 * filters travel with it without a hidden copy (and without JavaScript).
 */
export function SaveSearchForm({ lastResult, error }: { lastResult: SubmissionResult<string[]> | null | undefined; error: string | null }) {
  const { t } = useTranslation(['savedSearches', 'common']);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { digest: true },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveSearchSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      {error ? <Notice tone="error">{t(error)}</Notice> : null}
      <Field meta={fields.name} label={t('new.name')} hint={t('new.nameHint')} namespace="savedSearches" autoComplete="off" />
      <CheckboxField meta={fields.digest} label={t('new.digest')} hint={t('new.digestHint')} namespace="savedSearches" />
      <SubmitButton pendingLabel={t('common:pending.saving')}>{t('new.submit')}</SubmitButton>
    </Form>
  );
}
