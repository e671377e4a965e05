import type { FieldMetadata } from '@conform-to/react';
import { getInputProps } from '@conform-to/react';
import { useTranslation } from 'react-i18next';

/**
 * A labelled input with its hint and its errors, wired for screen readers: the errors are
 * announced, described-by links them, and aria-invalid marks the field.
 */
export function Field({
  meta,
  label,
  type,
  hint,
  autoComplete,
  namespace = 'auth',
}: {
  meta: FieldMetadata<string>;
  label: string;
  type: 'email' | 'password' | 'text';
  hint?: string;
  autoComplete?: string;
  namespace?: string;
}) {
  const { t } = useTranslation(namespace);
  const hintId = `${meta.id}-hint`;
  const errorId = meta.errorId;
  const describedBy = [hint ? hintId : null, meta.errors?.length ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        {...getInputProps(meta, { type, ariaAttributes: false })}
        autoComplete={autoComplete}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {meta.errors?.length ? (
        <p id={errorId} className="field-error" role="alert">
          {meta.errors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
