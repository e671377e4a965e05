import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from '@conform-to/react';
import { useTranslation } from 'react-i18next';
import type { Option, OptionGroup } from '~/modules/profiles/profile-model';

/**
 * The profile editor's form controls: each labelled, with its hint and its translated errors
 * linked for screen readers (aria-describedby, aria-invalid), like ui/field.tsx for text inputs.
 * Errors are keys of the `profile` namespace.
 */

// Conform's metadata is generic over the field's schema; these controls accept any field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;

export function FieldErrors({ meta }: { meta: Meta }) {
  const { t } = useTranslation('profile');
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="field-error" role="alert">
      {meta.errors.map((key) => t(key)).join(' ')}
    </p>
  );
}

function described(meta: Meta, hint?: React.ReactNode) {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return { 'aria-describedby': ids.join(' ') || undefined, 'aria-invalid': meta.errors?.length ? true : undefined };
}

function Hint({ meta, hint }: { meta: Meta; hint?: React.ReactNode }) {
  return hint ? (
    <p id={`${meta.id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
}

type Common = { meta: Meta; label: string; hint?: React.ReactNode };

export function TextInput({
  meta,
  label,
  hint,
  type = 'text',
  inputMode,
  autoComplete,
}: Common & { type?: 'text' | 'date' | 'email' | 'tel'; inputMode?: 'numeric'; autoComplete?: string }) {
  const { key, ...props } = getInputProps(meta, { type, ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint meta={meta} hint={hint} />
      <input key={key} {...props} inputMode={inputMode} autoComplete={autoComplete} {...described(meta, hint)} />
      <FieldErrors meta={meta} />
    </div>
  );
}

export function TextArea({ meta, label, hint, rows = 6 }: Common & { rows?: number }) {
  const { key, ...props } = getTextareaProps(meta, { ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint meta={meta} hint={hint} />
      <textarea key={key} {...props} rows={rows} {...described(meta, hint)} />
      <FieldErrors meta={meta} />
    </div>
  );
}

/** A select of options, or of groups of options (<optgroup>), with an empty first choice. */
export function SelectField({
  meta,
  label,
  hint,
  placeholder,
  options = [],
  groups = [],
}: Common & { placeholder: string; options?: Option[]; groups?: OptionGroup[] }) {
  const { key, ...props } = getSelectProps(meta, { ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <Hint meta={meta} hint={hint} />
      <select key={key} {...props} {...described(meta, hint)}>
        <option value="">{placeholder}</option>
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
      <FieldErrors meta={meta} />
    </div>
  );
}

export type Choice = { value: string; label: string; description?: string };

/** Radio buttons or checkboxes in a fieldset; each choice may carry a plain explanation. */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  choices,
  type = 'radio',
}: { meta: Meta; legend: string; hint?: React.ReactNode; choices: Choice[]; type?: 'radio' | 'checkbox' }) {
  const inputs = getCollectionProps(meta, { type, options: choices.map((choice) => choice.value), ariaAttributes: false });
  return (
    <fieldset className="choices" {...described(meta, hint)}>
      <legend>{legend}</legend>
      <Hint meta={meta} hint={hint} />
      {inputs.map(({ key, ...props }, index) => {
        const choice = choices[index]!;
        return (
          <div className="choice" key={key ?? choice.value}>
            <input {...props} id={`${meta.id}-${choice.value}`} aria-describedby={choice.description ? `${meta.id}-${choice.value}-about` : undefined} />
            <label htmlFor={`${meta.id}-${choice.value}`}>{choice.label}</label>
            {choice.description ? (
              <p id={`${meta.id}-${choice.value}-about`} className="hint">
                {choice.description}
              </p>
            ) : null}
          </div>
        );
      })}
      <FieldErrors meta={meta} />
    </fieldset>
  );
}

export function Checkbox({ meta, label, hint }: Common) {
  const { key, ...props } = getInputProps(meta, { type: 'checkbox', ariaAttributes: false });
  return (
    <div className="field checkbox">
      <div className="choice">
        <input key={key} {...props} {...described(meta, hint)} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      <Hint meta={meta} hint={hint} />
      <FieldErrors meta={meta} />
    </div>
  );
}
