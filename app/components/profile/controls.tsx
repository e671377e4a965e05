import { getCollectionProps } from '@conform-to/react';
import {
  describedBy,
  Field,
  FieldErrors as BaseFieldErrors,
  FieldHint,
  type FieldMeta,
  type FieldProps,
} from '~/components/ui/field';
import { SelectField as BaseSelectField } from '~/components/ui/select-field';
import { TextAreaField } from '~/components/ui/text-area-field';

/**
 * The profile editor's form controls, built on ui/field.tsx: each labelled, with its hint and its
 * translated errors linked for screen readers. Errors are keys of the `profile` namespace.
 */

type Meta = FieldMeta;

/** Errors in the profile namespace. */
export function FieldErrors({ meta }: { meta: Meta }) {
  return <BaseFieldErrors meta={meta} namespace="profile" />;
}

/** The shared text input, reading its errors from the profile namespace. */
export function TextInput(props: Omit<FieldProps, 'namespace'>) {
  return <Field {...props} namespace="profile" />;
}

/** The shared multi-line field, reading its errors from the profile namespace. */
export function TextArea(props: Omit<Parameters<typeof TextAreaField>[0], 'namespace'>) {
  return <TextAreaField {...props} namespace="profile" />;
}

/** The shared select, with an empty first choice, reading its errors from the profile namespace. */
export function SelectField(props: Omit<Parameters<typeof BaseSelectField>[0], 'namespace' | 'multiple'> & { placeholder: string }) {
  return <BaseSelectField {...props} namespace="profile" />;
}

export type Choice = { value: string; label: string; description?: string };

/**
 * Radio buttons or checkboxes in a fieldset, styled as the design system's checkbox group (each
 * row a 44 px target); each choice may carry a plain explanation.
 */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  choices,
  type = 'radio',
}: { meta: Meta; legend: string; hint?: React.ReactNode; choices: Choice[]; type?: 'radio' | 'checkbox' }) {
  const inputs = getCollectionProps(meta, { type, options: choices.map((choice) => choice.value), ariaAttributes: false });
  return (
    <fieldset className="checkbox-group" {...describedBy(meta, hint)}>
      <legend>{legend}</legend>
      <FieldHint meta={meta} hint={hint} />
      {inputs.map(({ key, ...props }, index) => {
        const choice = choices[index]!;
        const about = choice.description ? `${meta.id}-${choice.value}-about` : undefined;
        return (
          <div className="checkbox-field" key={key ?? choice.value}>
            <div className="checkbox-row">
              <input {...props} id={`${meta.id}-${choice.value}`} aria-describedby={about} />
              <label htmlFor={`${meta.id}-${choice.value}`}>{choice.label}</label>
            </div>
            {about ? (
              <p id={about} className="hint">
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
