import { getFormProps, useForm, type SubmissionResult as Result } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import { TextAreaField } from '~/components/ui/text-area-field';
import type { ContactRequestStatus, Revealed } from '~/modules/contact/contact-model';
import { SendRequestSchema } from '~/modules/contact/contact-schemas';
import { RevealedContact } from './revealed-contact';

export type ContactPanelData = {
  memberId: string;
  request: { id: string; status: ContactRequestStatus; sentOn: string } | null;
  /** No request, a withdrawn one, or a "no" older than 90 days. */
  canAsk: boolean;
  revealed: Revealed | null;
  revealQuota: boolean;
};

type SubmissionResult = Result<string[]> | undefined;

/**
 * On a profile, for an organizer with their second factor: the request form, or where their
 * request stands; once accepted, what the member shares with them. Plain forms: works without
 * JavaScript. `notice` is the outcome of the last action, already a translation key.
 */
export function ContactPanel({
  data,
  lastResult,
  error,
  notice,
}: {
  data: ContactPanelData;
  lastResult?: SubmissionResult;
  error?: string | null;
  notice?: string | null;
}) {
  const { t } = useTranslation('contact');
  const live = data.request && (data.request.status === 'pending' || data.request.status === 'accepted');
  return (
    <section aria-labelledby="contact-title" className="contact-panel stack">
      <h2 id="contact-title">{t('request.title')}</h2>
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      {error ? <Notice tone="error">{t(error)}</Notice> : null}
      {data.request ? (
        <p>
          <strong>{t('request.state', { status: t(`status.${data.request.status}`) })}</strong>{' '}
          <span className="muted">{t('request.sentOn', { date: data.request.sentOn })}</span>
        </p>
      ) : null}
      {data.request?.status === 'declined' ? <p>{t('request.declinedNote')}</p> : null}
      {data.revealQuota ? <Notice tone="warning">{t('errors.revealQuota')}</Notice> : null}
      {data.revealed ? <RevealedContact memberId={data.memberId} revealed={data.revealed} headingId="revealed-title" /> : null}
      {live ? <WithdrawForm requestId={data.request!.id} /> : null}
      {/* After a "no", the database refuses a new request for 90 days: no form to fill in vain. */}
      {data.canAsk ? <RequestForm lastResult={lastResult} /> : null}
      <p>
        <Link to={`/organizer/shortlists/add?member=${data.memberId}`}>{t('request.addToShortlist')}</Link>
      </p>
    </section>
  );
}

function RequestForm({ lastResult }: { lastResult?: SubmissionResult }) {
  const { t } = useTranslation(['contact', 'common']);
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SendRequestSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <p>{t('request.intro')}</p>
      <input type="hidden" name="intent" value="send" />
      <TextAreaField meta={fields.message} label={t('request.message')} hint={t('request.messageHint')} rows={6} namespace="contact" />
      <SubmitButton pendingLabel={t('common:pending.sending')}>{t('request.send')}</SubmitButton>
    </Form>
  );
}

function WithdrawForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('contact');
  return (
    <Form method="post">
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton variant="secondary" name="intent" value="withdraw">
        {t('request.withdraw')}
      </SubmitButton>
    </Form>
  );
}
