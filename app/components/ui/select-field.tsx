import { getSelectProps } from '@conform-to/react';
import type { Option, OptionGroup } from '~/modules/profiles/profile-model';
import { describedBy, FieldErrors, FieldHint, type FieldMeta } from './field';

/**
 * A labelled select of options, or of groups of options (<optgroup>), with an optional empty
 * first choice, or several choices with `multiple`. Its hint and its translated errors (keys of
 * `namespace`) are linked for screen readers, as in field.tsx.
 */
export function SelectField({
  meta,
  label,
  hint,
  placeholder,
  options = [],
  groups = [],
  multiple = false,
  namespace,
}: {
  meta: FieldMeta;
  label: string;
  hint?: React.ReactNode;
  placeholder?: string;
  options?: Option[];
  groups?: OptionGroup[];
  multiple?: boolean;
  namespace: string;
}) {
  const { key, ...props } = getSelectProps(meta, { ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <FieldHint meta={meta} hint={hint} />
      <select key={key} {...props} multiple={multiple} size={multiple ? 8 : undefined} {...describedBy(meta, hint)}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups.map((group) => (
          <optgroup key={group.value} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldErrors meta={meta} namespace={namespace} />
    </div>
  );
}
