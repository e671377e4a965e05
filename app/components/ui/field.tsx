import { getInputProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';

/**
 * Labelled form controls with their hint and their errors, wired for screen readers: the errors
 * are announced, aria-describedby links hint and errors, aria-invalid marks the field. Errors are
 * translation keys of the given namespace (each form's schema speaks one namespace).
 */

// Conform's metadata is generic over the field's schema; these controls accept any field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldMeta = FieldMetadata<any, any, string[]>;

export function FieldErrors({ meta, namespace }: { meta: FieldMeta; namespace: string }) {
  const { t } = useTranslation(namespace);
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="field-error" role="alert">
      {meta.errors.map((key) => t(key)).join(' ')}
    </p>
  );
}

export function FieldHint({ meta, hint }: { meta: FieldMeta; hint?: React.ReactNode }) {
  return hint ? (
    <p id={`${meta.id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
}

/** aria-describedby and aria-invalid for a control with this hint and its current errors. */
export function describedBy(meta: FieldMeta, hint?: React.ReactNode) {
  const ids = [hint ? `${meta.id}-hint` : null, meta.errors?.length ? meta.errorId : null].filter(Boolean);
  return { 'aria-describedby': ids.join(' ') || undefined, 'aria-invalid': meta.errors?.length ? true : undefined };
}

export type FieldProps = {
  meta: FieldMeta;
  label: string;
  hint?: React.ReactNode;
  type?: 'text' | 'email' | 'password' | 'date' | 'tel';
  inputMode?: 'numeric';
  autoComplete?: string;
  namespace?: string;
};

/** A labelled text input (text, e-mail, password, date, phone). */
export function Field({ meta, label, hint, type = 'text', inputMode, autoComplete, namespace = 'auth' }: FieldProps) {
  const { key, ...props } = getInputProps(meta, { type, ariaAttributes: false });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <FieldHint meta={meta} hint={hint} />
      <input key={key} {...props} inputMode={inputMode} autoComplete={autoComplete} {...describedBy(meta, hint)} />
      <FieldErrors meta={meta} namespace={namespace} />
    </div>
  );
}
