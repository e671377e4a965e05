import { useTranslation } from 'react-i18next';
import type { Option } from '~/modules/profiles/profile-model';

/**
 * The search form's labelled controls. They are uncontrolled (`defaultValue`): the URL is the
 * state, the server renders it, and the form resets to it after each navigation. An error (a
 * key of the directory namespace) is linked to its control for screen readers.
 */

type Common = { name: string; label: string; hint?: string; error?: string };

export function describedBy(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return { 'aria-describedby': ids.join(' ') || undefined, 'aria-invalid': error ? true : undefined };
}

export function HintAndError({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  const { t } = useTranslation('directory');
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

/** A text input, with a datalist of suggestions when given. */
export function TextFilter({
  name,
  label,
  hint,
  error,
  defaultValue,
  suggestions,
  inputMode,
}: Common & { defaultValue: string; suggestions?: string[]; inputMode?: 'numeric' | 'search' }) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <HintAndError name={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={defaultValue}
        inputMode={inputMode}
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
        list={suggestions ? `${id}-list` : undefined}
        {...describedBy(id, hint, error)}
      />
      {suggestions ? (
        <datalist id={`${id}-list`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

/** A select whose first choice ("any …") is no filter at all. */
export function SelectFilter({ name, label, error, defaultValue, anyLabel, options }: Common & { defaultValue: string; anyLabel?: string; options: Option[] }) {
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <HintAndError name={id} error={error} />
      <select id={id} name={name} defaultValue={defaultValue} {...describedBy(id, undefined, error)}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
