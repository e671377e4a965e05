import { getInputProps } from '@conform-to/react';
import { useId } from 'react';
import { describedBy, FieldErrors, type FieldMeta } from './field';

/**
 * A labelled checkbox whose whole row (box and label) is at least 44 px tall and clickable: either
 * a conform field (`meta`, errors translated from `namespace`) or a plain one (`name`, `value`,
 * `defaultChecked`) for forms without a schema, such as search filters.
 */

type Common = { label: React.ReactNode; hint?: React.ReactNode };
type ConformCheckbox = Common & { meta: FieldMeta; namespace?: string };
type PlainCheckbox = Common & {
  meta?: undefined;
  name: string;
  value?: string;
  defaultChecked?: boolean;
  id?: string;
  required?: boolean;
  form?: string;
};

export function CheckboxField(props: ConformCheckbox | PlainCheckbox) {
  const generatedId = useId();
  if (props.meta) {
    const { meta, label, hint, namespace = 'common' } = props;
    const { key, ...input } = getInputProps(meta, { type: 'checkbox', ariaAttributes: false });
    return (
      <div className="checkbox-field">
        <div className="checkbox-row">
          <input key={key} {...input} {...describedBy(meta, hint)} />
          <label htmlFor={meta.id}>{label}</label>
        </div>
        {hint ? (
          <p id={`${meta.id}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        <FieldErrors meta={meta} namespace={namespace} />
      </div>
    );
  }
  const { label, hint, name, value, defaultChecked, id = generatedId, required, form } = props;
  return (
    <div className="checkbox-field">
      <div className="checkbox-row">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          required={required}
          form={form}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Related checkboxes under one legend, with an optional hint read with the group. */
export function CheckboxGroup({ legend, hint, children }: { legend: React.ReactNode; hint?: React.ReactNode; children: React.ReactNode }) {
  const id = useId();
  return (
    <fieldset className="checkbox-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
