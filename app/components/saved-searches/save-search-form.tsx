import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { describedBy, Field, FieldErrors, FieldHint } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { SaveSearchSchema } from '~/modules/saved-searches/saved-search-schemas';

/**
 * Naming a search. The form posts to the page's own address, query string included, so the
 * filters travel with it without a hidden copy (and without JavaScript).
 */
export function SaveSearchForm({ lastResult, error }: { lastResult: SubmissionResult<string[]> | null | undefined; error: string | null }) {
  const { t } = useTranslation('savedSearches');
  const busy = useNavigation().state === 'submitting';
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { digest: true },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveSearchSchema }),
  });
  const { key, ...digestProps } = getInputProps(fields.digest, { type: 'checkbox', ariaAttributes: false });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      {error ? <Notice tone="error">{t(error)}</Notice> : null}
      <Field meta={fields.name} label={t('new.name')} hint={t('new.nameHint')} namespace="savedSearches" autoComplete="off" />
      <div className="field saved-search-check">
        <div className="check-row">
          <input key={key} {...digestProps} {...describedBy(fields.digest, t('new.digestHint'))} />
          <label htmlFor={fields.digest.id}>{t('new.digest')}</label>
        </div>
        <FieldHint meta={fields.digest} hint={t('new.digestHint')} />
        <FieldErrors meta={fields.digest} namespace="savedSearches" />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('new.submit')}
      </button>
    </Form>
  );
}
