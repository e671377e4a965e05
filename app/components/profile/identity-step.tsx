import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { IdentitySchema } from '~/modules/profiles/profile-schemas';
import { TextInput } from './controls';
import { StepForm, type StepProps } from './step-form';

/** Display name (a pseudonym is fine), the optional legal name, a headline. */
export function IdentityStep({ profile, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-identity',
    lastResult,
    defaultValue: { displayName: profile.displayName ?? '', legalName: profile.legalName ?? '', headline: profile.headline ?? '' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IdentitySchema }),
  });
  return (
    <StepForm form={form} step="identity" lastResult={lastResult}>
      <TextInput meta={fields.displayName} label={t('identity.displayName')} hint={t('identity.displayNameHint')} autoComplete="nickname" />
      <TextInput meta={fields.legalName} label={t('identity.legalName')} hint={t('identity.legalNameHint')} autoComplete="off" />
      <TextInput meta={fields.headline} label={t('identity.headline')} hint={t('identity.headlineHint')} autoComplete="off" />
    </StepForm>
  );
}
