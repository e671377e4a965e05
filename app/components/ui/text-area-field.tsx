import { getTextareaProps } from '@conform-to/react';
import { describedBy, FieldErrors, FieldHint, type FieldMeta } from './field';

/** A labelled multi-line text field, with hint and translated errors, like Field. */
export function TextAreaField({
  meta,
  label,
  hint,
  rows = 5,
  namespace,
}: {
  meta: FieldMeta;
  label: string;
  hint?: React.ReactNode;
  rows?: number;
  namespace: string;
}) {
  const { key, ...props } = getTextareaProps(meta, { ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <FieldHint meta={meta} hint={hint} />
      <textarea key={key} {...props} rows={rows} {...describedBy(meta, hint)} />
      <FieldErrors meta={meta} namespace={namespace} />
    </div>
  );
}
