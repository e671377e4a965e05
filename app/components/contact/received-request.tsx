import { getFormProps, useForm, type SubmissionResult as Result } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton, type ButtonVariant } from '~/components/ui/button';
import { ConfirmDialog } from '~/components/ui/dialog';
import { TextAreaField } from '~/components/ui/text-area-field';
import type { ContactRequestStatus } from '~/modules/contact/contact-model';
import { MemberAnswerSchema } from '~/modules/contact/contact-schemas';

export type InboxEntry = {
  id: string;
  organizerName: string | null;
  organization: string | null;
  message: string;
  status: ContactRequestStatus;
  received: string;
  blocked: boolean;
};

type SubmissionResult = Result<string[]> | undefined;

/**
 * One request in the member's inbox: who, from which organization, the message, and the
 * answers. Blocking asks once more and explains itself first (a dialog, or a disclosure without
 * JavaScript); reporting sits behind a disclosure. `nowSees` is the plain line for an accepted
 * request. Each answer button carries the request's id, so its pending state shows here only.
 */
export function ReceivedRequest({ entry, nowSees, reportResult }: { entry: InboxEntry; nowSees: string | null; reportResult?: SubmissionResult }) {
  const { t } = useTranslation('contact');
  const headingId = `request-${entry.id}`;
  return (
    <li className="request-card">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{entry.organization ?? t('inbox.noOrganization')}</h3>
        <dl className="facts">
          <dt>{t('inbox.from')}</dt>
          <dd>{entry.organizerName ?? t('inbox.nameHidden')}</dd>
          <dt>{t('inbox.received')}</dt>
          <dd>{entry.received}</dd>
          <dt>{t('inbox.status')}</dt>
          <dd>{t(`status.${entry.status}`)}</dd>
        </dl>
        <h4>{t('inbox.message')}</h4>
        <p className="request-message">{entry.message}</p>
        {entry.status === 'accepted' && nowSees ? <p>{nowSees}</p> : null}
        {entry.blocked ? <p className="muted">{t('inbox.blocked')}</p> : null}
        {entry.status === 'pending' ? (
          <div className="request-actions">
            <AnswerButton id={entry.id} intent="accept" label={t('inbox.accept')} />
            <AnswerButton id={entry.id} intent="decline" label={t('inbox.decline')} variant="secondary" />
          </div>
        ) : null}
        {entry.blocked ? (
          <div className="request-block">
            <ConfirmDialog
              triggerLabel={t('inbox.unblock')}
              variant="secondary"
              title={t('inbox.unblockTitle')}
              confirm={<AnswerButton id={entry.id} intent="unblock" label={t('inbox.unblockConfirm')} />}
            >
              <p>{t('inbox.unblockHint')}</p>
            </ConfirmDialog>
          </div>
        ) : (
          <div className="request-block">
            <ConfirmDialog
              triggerLabel={t('inbox.block')}
              variant="secondary"
              title={t('inbox.blockTitle')}
              confirm={<AnswerButton id={entry.id} intent="block" label={t('inbox.blockConfirm')} variant="danger" />}
            >
              <p>{t('inbox.blockHint')}</p>
            </ConfirmDialog>
          </div>
        )}
        <ReportForm id={entry.id} lastResult={reportResult} />
      </article>
    </li>
  );
}

function AnswerButton({ id, intent, label, variant }: { id: string; intent: string; label: string; variant?: ButtonVariant }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton variant={variant} name="requestId" value={id}>
        {label}
      </SubmitButton>
    </Form>
  );
}

function ReportForm({ id, lastResult }: { id: string; lastResult?: SubmissionResult }) {
  const { t } = useTranslation('contact');
  const [form, fields] = useForm({
    id: `report-${id}`,
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MemberAnswerSchema }),
  });
  return (
    <details open={lastResult ? true : undefined}>
      <summary>{t('inbox.report')}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="report" />
        <TextAreaField meta={fields.reason} label={t('inbox.reason')} hint={t('inbox.reasonHint')} rows={3} namespace="contact" />
        <SubmitButton variant="secondary" name="requestId" value={id} pendingLabel={t('common:pending.sending')}>
          {t('inbox.sendReport')}
        </SubmitButton>
      </Form>
    </details>
  );
}
