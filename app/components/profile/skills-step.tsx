import { useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '~/components/ui/button';
import { LIMITS, SKILL_LEVELS } from '~/modules/profiles/profile-model';
import { SkillsSchema } from '~/modules/profiles/profile-schemas';
import { FieldErrors, SelectField, TextInput } from './controls';
import { StepForm, type StepProps } from './step-form';
import { useRowFocus } from './use-row-focus';

/** Up to 30 skills from the taxonomy (grouped by category), each with level and years; free tags. */
export function SkillsStep({ profile, options, lastResult }: StepProps) {
  const { t } = useTranslation('profile');
  const [form, fields] = useForm({
    id: 'profile-skills',
    lastResult,
    defaultValue: {
      skills:
        profile.skills.length > 0
          ? profile.skills.map((row) => ({ skill: row.skill, level: String(row.level), years: row.years?.toString() ?? '' }))
          : [{ skill: '', level: '', years: '' }],
      tags: profile.tags.join(', '),
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SkillsSchema }),
  });
  const rows = fields.skills.getFieldList();
  const focus = useRowFocus(rows.length);
  const levels = SKILL_LEVELS.map((level) => ({ value: String(level), label: t(`skillLevels.${level}`) }));
  return (
    <StepForm form={form} step="skills" lastResult={lastResult}>
      <p className="hint">{t('skills.intro', { most: LIMITS.skills })}</p>
      <FieldErrors meta={fields.skills} />
      <ol className="rows" ref={focus.list}>
        {rows.map((row, index) => {
          const cells = row.getFieldset();
          return (
            <li key={row.key}>
              <fieldset className="row">
                <legend>{t('skills.row', { number: index + 1 })}</legend>
                <SelectField meta={cells.skill} label={t('skills.skill')} placeholder={t('skills.chooseSkill')} groups={options.skills} />
                <SelectField meta={cells.level} label={t('skills.level')} placeholder={t('skills.chooseLevel')} options={levels} />
                <TextInput meta={cells.years} label={t('skills.years')} inputMode="numeric" />
                <button
                  {...form.remove.getButtonProps({ name: fields.skills.name, index })}
                  onClick={focus.removing(index)}
                  className={buttonClass({ variant: 'secondary' })}
                >
                  {t('skills.remove', { number: index + 1 })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          ref={focus.add}
          {...form.insert.getButtonProps({ name: fields.skills.name, defaultValue: { skill: '', level: '', years: '' } })}
          className={buttonClass({ variant: 'secondary' })}
        >
          {t('skills.add')}
        </button>
      </div>
      <TextInput meta={fields.tags} label={t('skills.tags')} hint={t('skills.tagsHint', { most: LIMITS.tags })} />
    </StepForm>
  );
}
