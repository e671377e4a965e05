import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '~/components/ui/button';
import { LANGUAGE_LEVELS } from '~/modules/profiles/profile-model';
import { LanguagesSchema } from '~/modules/profiles/profile-schemas';
import { FieldErrors, SelectField } from './controls';
import { StepForm, type StepProps } from './step-form';
import { useRowFocus } from './use-row-focus';

/**
 * Languages with their level, one row each. "Add" and "Remove" are conform's list buttons: with
 * JavaScript they act at once, without it they send the form and it comes back changed.
 */
export function LanguagesStep({ profile, options, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-languages',
    lastResult,
    defaultValue: { languages: profile.languages.length > 0 ? profile.languages : [{ code: '', level: '' }] },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LanguagesSchema }),
  });
  const rows = fields.languages.getFieldList();
  const focus = useRowFocus(rows.length);
  const levels = LANGUAGE_LEVELS.map((level) => ({ value: level, label: t(`languageLevels.${level}`) }));
  return (
    <StepForm form={form} step="languages" lastResult={lastResult}>
      <p className="hint">{t('languages.intro')}</p>
      <FieldErrors meta={fields.languages} />
      <ol className="rows" ref={focus.list}>
        {rows.map((row, index) => {
          const cells = row.getFieldset();
          return (
            <li key={row.key}>
              <fieldset className="row">
                <legend>{t('languages.row', { number: index + 1 })}</legend>
                <SelectField meta={cells.code} label={t('languages.language')} placeholder={t('languages.chooseLanguage')} options={options.languages} />
                <SelectField meta={cells.level} label={t('languages.level')} placeholder={t('languages.chooseLevel')} options={levels} />
                <button
                  {...form.remove.getButtonProps({ name: fields.languages.name, index })}
                  onClick={focus.removing(index)}
                  className={buttonClass({ variant: 'secondary' })}
                >
                  {t('languages.remove', { number: index + 1 })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          ref={focus.add}
          {...form.insert.getButtonProps({ name: fields.languages.name, defaultValue: { code: '', level: '' } })}
          className={buttonClass({ variant: 'secondary' })}
        >
          {t('languages.add')}
        </button>
      </div>
    </StepForm>
  );
}
