import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { DirectionsSchema } from '~/modules/profiles/profile-schemas';
import { ChoiceGroup } from './controls';
import { StepForm, type StepProps } from './step-form';

/** Which of the movement's six directions of work the member wants to help with. */
export function DirectionsStep({ profile, options, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-directions',
    lastResult,
    defaultValue: { directions: profile.directions },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DirectionsSchema }),
  });
  return (
    <StepForm form={form} step="directions" lastResult={lastResult}>
      <ChoiceGroup
        type="checkbox"
        meta={fields.directions}
        legend={t('directions.legend')}
        hint={t('directions.hint')}
        choices={options.directions.map((option) => ({ value: option.value, label: option.label }))}
      />
    </StepForm>
  );
}
