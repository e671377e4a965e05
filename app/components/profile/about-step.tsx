import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { Notice } from '~/components/ui/notice';
import { AboutSchema } from '~/modules/profiles/profile-schemas';
import { TextArea } from './controls';
import { StepForm, type StepProps } from './step-form';

/** A short bio, under a warning to name nobody who could be pressured at home (collect less). */
export function AboutStep({ profile, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-about',
    lastResult,
    defaultValue: { bio: profile.bio ?? '' },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AboutSchema }),
  });
  return (
    <StepForm form={form} step="about" lastResult={lastResult}>
      <Notice tone="info">
        <strong>{t('about.warningTitle')}</strong> {t('about.warning')}
      </Notice>
      <TextArea meta={fields.bio} label={t('about.bio')} hint={t('about.bioHint')} rows={8} />
    </StepForm>
  );
}
