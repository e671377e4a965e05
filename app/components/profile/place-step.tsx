import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { PLACE_CHOICES, PlaceSchema } from '~/modules/profiles/profile-schemas';
import { ChoiceGroup, SelectField } from './controls';
import { StepForm, type StepProps } from './step-form';

/** The city the member lives in now, or only the country, or nothing. Never an address. */
export function PlaceStep({ profile, options, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-place',
    lastResult,
    defaultValue: {
      where: profile.cityId ? 'city' : profile.countryCode ? 'country' : 'none',
      city: profile.cityId ?? '',
      country: profile.countryCode ?? '',
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlaceSchema }),
  });
  return (
    <StepForm form={form} step="place" lastResult={lastResult}>
      <p className="hint">{t('place.intro')}</p>
      <ChoiceGroup
        meta={fields.where}
        legend={t('place.where')}
        choices={PLACE_CHOICES.map((value) => ({ value, label: t(`place.choices.${value}`) }))}
      />
      <SelectField meta={fields.city} label={t('place.city')} hint={t('place.cityHint')} placeholder={t('place.chooseCity')} groups={options.cities} />
      <SelectField meta={fields.country} label={t('place.country')} hint={t('place.countryHint')} placeholder={t('place.chooseCountry')} options={options.countries} />
    </StepForm>
  );
}
