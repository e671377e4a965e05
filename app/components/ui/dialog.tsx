import { useLocation } from '@remix-run/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClass, type ButtonVariant } from './button';
import { useHydrated } from './use-hydrated';

/**
 * "Are you sure?" before an action that cannot be undone. Without JavaScript it is a disclosure
 * (`<details>`): the trigger opens the explanation and the form in place. With JavaScript the
 * trigger opens a native modal `<dialog>`: focus moves to its "No, go back" button, Escape or that
 * button closes it and focus returns to the trigger. `confirm` is the form with its SubmitButton.
 */
export function ConfirmDialog({
  triggerLabel,
  title,
  children,
  confirm,
  variant = 'danger',
}: {
  triggerLabel: React.ReactNode;
  title: React.ReactNode;
  children?: React.ReactNode;
  confirm: React.ReactNode;
  variant?: ButtonVariant;
}) {
  const hydrated = useHydrated();
  const id = useId();
  if (!hydrated) {
    return (
      <details className="confirm-disclosure">
        <summary className={buttonClass({ variant })}>{triggerLabel}</summary>
        <div className="confirm-body" role="group" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`} className="confirm-title">
            {title}
          </h2>
          {children}
          {confirm}
        </div>
      </details>
    );
  }
  return <ModalConfirm {...{ id, triggerLabel, title, confirm, variant }}>{children}</ModalConfirm>;
}

function ModalConfirm({
  id,
  triggerLabel,
  title,
  children,
  confirm,
  variant,
}: {
  id: string;
  triggerLabel: React.ReactNode;
  title: React.ReactNode;
  children?: React.ReactNode;
  confirm: React.ReactNode;
  variant: ButtonVariant;
}) {
  const { t } = useTranslation('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const goBack = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // A confirmed action that redirects (even to this page) is done: the dialog closes. One that
  // answers with errors keeps it open, its form showing them.
  const { key } = useLocation();
  useEffect(() => setOpen(false), [key]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // The harmless answer first: Enter on an opened confirmation must not delete anything.
      goBack.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button ref={trigger} type="button" className={buttonClass({ variant })} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {triggerLabel}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => {
          setOpen(false);
          trigger.current?.focus();
        }}
      >
        <h2 id={`${id}-title`} className="confirm-title">
          {title}
        </h2>
        {children}
        {confirm}
        <div className="actions">
          <button ref={goBack} type="button" className={buttonClass({ variant: 'secondary' })} onClick={() => setOpen(false)}>
            {t('ui.dialog.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
