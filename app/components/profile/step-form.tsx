import { getFormProps, type FormMetadata, type SubmissionResult } from '@conform-to/react';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import type { ConsentPurpose, ContactChannels, EditableProfile, ProfileStep, ReferenceOptions } from '~/modules/profiles/profile-model';
import { nextStep } from '~/modules/profiles/profile-model';

/** What every step's form receives from the route. */
export type StepProps = {
  profile: EditableProfile;
  options: ReferenceOptions;
  /** The member's contact channels: loaded for the contact step only, null on every other. */
  contacts: ContactChannels | null;
  /** When each held consent was given, as the server wrote it in the page's language. */
  consentDates: Record<ConsentPurpose, string | null>;
  lastResult: SubmissionResult<string[]> | null | undefined;
};

/**
 * The frame of one step's form: a summary when the server refused it, the fields, and the save
 * button. Posts to the step's own route, so it works the same without JavaScript.
 */
export function StepForm({
  form,
  step,
  lastResult,
  children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  step: ProfileStep;
  lastResult: StepProps['lastResult'];
  children: React.ReactNode;
}) {
  const { t } = useTranslation('profile');
  const refused = lastResult?.status === 'error';
  return (
    <Form method="post" {...getFormProps(form)} className="stack profile-form">
      {/* Enter in a text field presses the form's first button: make it Save, not "remove a row". */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {t('editor.save')}
      </button>
      {refused ? (
        <Notice tone="error">{form.errors?.length ? form.errors.map((key) => t(key)).join(' ') : t('editor.fixErrors')}</Notice>
      ) : null}
      {children}
      <div className="actions">
        <SubmitButton pendingLabel={t('common:pending.saving')}>{t(nextStep(step) ? 'editor.saveAndContinue' : 'editor.save')}</SubmitButton>
      </div>
    </Form>
  );
}
