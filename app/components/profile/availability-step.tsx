import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '~/components/ui/checkbox';
import { WORK_MODES } from '~/modules/profiles/profile-model';
import { AvailabilitySchema } from '~/modules/profiles/profile-schemas';
import { ChoiceGroup, TextInput } from './controls';
import { StepForm, type StepProps } from './step-form';

/** How much time, in what way, from when; and whether moving is an option. */
export function AvailabilityStep({ profile, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-availability',
    lastResult,
    defaultValue: {
      hoursPerWeek: profile.hoursPerWeek?.toString() ?? '',
      workMode: profile.workMode ?? '',
      openToRelocation: profile.openToRelocation ? 'on' : '',
      availableFrom: profile.availableFrom ?? '',
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AvailabilitySchema }),
  });
  return (
    <StepForm form={form} step="availability" lastResult={lastResult}>
      <TextInput meta={fields.hoursPerWeek} label={t('availability.hours')} hint={t('availability.hoursHint')} inputMode="numeric" />
      <ChoiceGroup
        meta={fields.workMode}
        legend={t('availability.mode')}
        choices={WORK_MODES.map((mode) => ({ value: mode, label: t(`workModes.${mode}`) }))}
      />
      <CheckboxField meta={fields.openToRelocation} label={t('availability.relocation')} namespace="profile" />
      <TextInput meta={fields.availableFrom} type="date" label={t('availability.from')} hint={t('availability.fromHint')} />
    </StepForm>
  );
}
