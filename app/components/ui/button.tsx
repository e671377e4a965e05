import { Link, useFormAction, useNavigation, type LinkProps } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Buttons and links that look like buttons, in four variants: `primary` (the one main action of a
 * form), `secondary`, `danger` (cannot be undone) and `quiet` (a minor action beside others).
 * Every one is at least 44 px tall (app.css).
 */

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'normal' | 'small';

type Look = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

/** The class list of a button-like element: `button`, then its variant and size. */
export function buttonClass({ variant = 'primary', size = 'normal', className }: Look) {
  return ['button', variant === 'primary' ? null : variant, size === 'small' ? 'small' : null, className].filter(Boolean).join(' ');
}

export function Button({ variant, size, className, type = 'button', ...props }: Look & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

export function ButtonLink({ variant, size, className, ...props }: Look & LinkProps) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}

/** Where a submission goes, as `navigation.formAction` writes it: path and query, no origin. */
function pathOf(action: string) {
  const url = new URL(action, 'http://talaka.invalid');
  return url.pathname + url.search;
}

/**
 * Whether a submission of this form is running. With `name` (and `value`), it is the one whose
 * form data carries that button's name and value; without, any non-GET submission to `action`
 * (by default the current route's action, where a `<Form>` without `action` posts).
 */
export function usePendingSubmission(name?: string, value?: string, action?: string) {
  const navigation = useNavigation();
  const routeAction = useFormAction();
  if (navigation.state === 'idle' || !navigation.formMethod) return false;
  if (name) return navigation.formData?.get(name) === (value ?? '');
  if (navigation.formMethod.toUpperCase() === 'GET') return false;
  return pathOf(navigation.formAction ?? '') === pathOf(action ?? routeAction);
}

export type SubmitButtonProps = Look & {
  name?: string;
  value?: string;
  /** Shown while the submission runs; by default "Working…". */
  pendingLabel?: string;
  /** The id of the form it submits, when it stands outside it. */
  form?: string;
  /** What a screen reader needs beyond the visible text (whose row, which rule applies). */
  'aria-describedby'?: string;
  'aria-label'?: string;
  children: React.ReactNode;
};

/**
 * A submit button that, with JavaScript, says its own submission is running: disabled for
 * assistive technology and further clicks, a spinner and `pendingLabel`. It stays focusable (aria-
 * disabled, not disabled) so a screen reader's focus is not thrown back to the top of the page.
 * Without JavaScript it is a plain submit button.
 */
export function SubmitButton({
  variant,
  size,
  className,
  name,
  value,
  pendingLabel,
  form,
  'aria-describedby': describedBy,
  'aria-label': ariaLabel,
  children,
}: SubmitButtonProps) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLButtonElement>(null);
  // Several rows may carry the same name and value (approve / decline one member): a named
  // button is pending only if it was the one pressed (Enter in a field presses the form's first).
  const pressed = useRef(false);
  const { state } = useNavigation();
  useEffect(() => {
    if (state === 'idle') pressed.current = false;
  }, [state]);
  // The button's form is known once it is in the page; a submission only runs after that.
  const element = ref.current;
  const formAction = element?.getAttribute('formaction') ?? element?.form?.getAttribute('action') ?? undefined;
  const submitting = usePendingSubmission(name, value, formAction);
  const pending = submitting && (pressed.current || !name);
  return (
    <button
      ref={ref}
      type="submit"
      name={name}
      value={value}
      form={form}
      className={buttonClass({ variant, size, className })}
      aria-disabled={pending ? true : undefined}
      aria-describedby={describedBy}
      aria-label={ariaLabel}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else pressed.current = true;
      }}
    >
      {pending ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {pendingLabel ?? t('pending.working')}
        </>
      ) : (
        children
      )}
    </button>
  );
}
