import { useTranslation } from 'react-i18next';
import type { OptionGroup } from '~/modules/profiles/profile-model';
import { FILTER_LIMITS } from '~/modules/directory/filters';
import { describedBy, HintAndError } from './filter-controls';

/**
 * Skills as checkboxes, one collapsible group per category (`<details>`): easier on a phone and
 * with a screen reader than a `<select multiple>`, and a plain form field without JavaScript
 * (repeated `skill=`). A category with a chosen skill starts open and says how many.
 */
export function SkillPicker({ groups, chosen, error }: { groups: OptionGroup[]; chosen: string[]; error?: string }) {
  const { t } = useTranslation('directory');
  const hint = t('form.skillsHint', { most: FILTER_LIMITS.skills });
  return (
    <fieldset className="skill-picker" {...describedBy('skills', hint, error)}>
      <legend>{t('form.skills')}</legend>
      <HintAndError name="skills" hint={hint} error={error} />
      {groups.map((group) => {
        const count = group.options.filter((option) => chosen.includes(option.value)).length;
        return (
          <details key={group.value} open={count > 0}>
            <summary>
              {group.label}
              {count > 0 ? <span className="chosen-count">({t('form.chosenInCategory', { count })})</span> : null}
            </summary>
            <ul>
              {group.options.map((option) => {
                const id = `skill-${option.value}`;
                return (
                  <li key={option.value} className="check">
                    <input type="checkbox" id={id} name="skill" value={option.value} defaultChecked={chosen.includes(option.value)} />
                    <label htmlFor={id}>{option.label}</label>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}
