import { getSelectProps } from '@conform-to/react';
import { describedBy, FieldErrors, FieldHint, type FieldMeta } from '~/components/ui/field';
import type { Option, OptionGroup } from '~/modules/profiles/profile-model';

/**
 * A labelled select (one choice, or several with `multiple`) for the admin forms, with hint and
 * errors from the `admin` namespace, wired for screen readers like ui/field.tsx.
 */
export function AdminSelect({
  meta,
  label,
  hint,
  placeholder,
  options = [],
  groups = [],
  multiple = false,
}: {
  meta: FieldMeta;
  label: string;
  hint?: React.ReactNode;
  placeholder?: string;
  options?: Option[];
  groups?: OptionGroup[];
  multiple?: boolean;
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
      <FieldErrors meta={meta} namespace="admin" />
    </div>
  );
}
