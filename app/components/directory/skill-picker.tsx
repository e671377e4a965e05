import { useTranslation } from 'react-i18next';
import type { OptionGroup } from '~/modules/profiles/profile-model';
import { FILTER_LIMITS } from '~/modules/directory/filters';

/**
 * Skills as checkboxes, one collapsible group per category (`<details>`): easier on a phone and
 * with a screen reader than a `<select multiple>`, and a plain form field without JavaScript
 * (repeated `skill=`). A category with a chosen skill starts open and says how many. An error
 * is read with the group's hint.
 *
 * The markup and classes are ui/checkbox.tsx's (CheckboxGroup, CheckboxField), written out here
 * because that module imports conform, which would add 10 KB of gzipped script to this page and
 * break its 120 KB budget (tests/integration/js-budget.test.ts).
 */
export function SkillPicker({ groups, chosen, error }: { groups: OptionGroup[]; chosen: string[]; error?: string }) {
  const { t } = useTranslation('directory');
  return (
    <fieldset className="checkbox-group skill-picker" aria-describedby="skills-hint">
      <legend>{t('form.skills')}</legend>
      <p id="skills-hint" className="hint">
        {t('form.skillsHint', { most: FILTER_LIMITS.skills })}
        {error ? <span className="field-error">{t(error)}</span> : null}
      </p>
      {groups.map((group) => {
        const count = group.options.filter((option) => chosen.includes(option.value)).length;
        return (
          <details key={group.value} open={count > 0}>
            <summary>
              {group.label}
              {count > 0 ? <span className="chosen-count">({t('form.chosenInCategory', { count })})</span> : null}
            </summary>
            {group.options.map((option) => (
              <div key={option.value} className="checkbox-row">
                <input type="checkbox" id={`skill-${option.value}`} name="skill" value={option.value} defaultChecked={chosen.includes(option.value)} />
                <label htmlFor={`skill-${option.value}`}>{option.label}</label>
              </div>
            ))}
          </details>
        );
      })}
    </fieldset>
  );
}
