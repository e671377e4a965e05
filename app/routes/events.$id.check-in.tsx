import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from '~/components/layout/error-page';
import { SubmitButton } from '~/components/ui/button';
import { describedBy, FieldErrors, FieldHint } from '~/components/ui/field';
import { Notice } from '~/components/ui/notice';
import { requirePower } from '~/modules/auth/session.server';
import { checkIn } from '~/modules/events/check-in.server';
import { CheckInSchema, normalizeCode } from '~/modules/events/check-in-schema';
import { formatMoment } from '~/modules/events/event-format.server';
import { readEventId } from '~/modules/events/event-id';
import { localTitle } from '~/modules/events/event-views.server';
import { eventForViewer } from '~/modules/events/events.server';
import { parseForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import type { Identity } from '~/platform/db/client.server';
import { detectLanguage } from '~/platform/i18n.server';
import attendanceStyles from '~/styles/attendance.css';

/**
 * `/events/:id/check-in`: the organizer at the door types (or scans) an attendee's one-time
 * code and presses the button; the page says who it was, or that the code was used (and when),
 * or that no confirmed attendee of this event has it. Only the event's organizers with a second
 * factor reach it (checked again in SQL); anyone else gets a 404, like an unknown event. A
 * scanned pass opens this page with `?code=` filled in: a GET never checks anyone in (ADR 025).
 */
export const handle = { i18n: ['common', 'attendance', 'events'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'checkIn');

const notFound = () => new Response('Not found', { status: 404 });

/** The event as its organizer sees it, or a 404 (unknown, not theirs, refused). */
async function organizedEvent(identity: Identity, id: string) {
  const found = await eventForViewer(identity, id);
  if (!found.ok) throw notFound();
  if (!found.value?.organizing) throw notFound();
  return found.value;
}

function counts(event: Awaited<ReturnType<typeof organizedEvent>>) {
  return { checkedIn: event.counts?.checkedIn ?? 0, confirmed: event.counts?.confirmed ?? 0 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const language = await detectLanguage(request);
  const event = await organizedEvent(identity, id);
  const prefill = normalizeCode(new URL(request.url).searchParams.get('code')?.slice(0, 40) ?? '');
  return json(
    { id, ...localTitle(event.titles, language), cancelled: event.status === 'cancelled', counts: counts(event), prefill },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const language = await detectLanguage(request);
  const submission = await parseForm(request, CheckInSchema);
  if (submission.status !== 'success') return json({ result: submission.reply(), outcome: null, error: null }, { status: 400 });
  const answer = await checkIn(identity, id, submission.value.code);
  if (!answer.ok) {
    if (answer.status === 404 || answer.status === 403) throw notFound();
    return json({ result: submission.reply(), outcome: null, error: answer.error }, { status: answer.status });
  }
  const event = await organizedEvent(identity, id);
  const { result, displayName, checkedInAt, checkedIn: done, confirmed } = answer.value;
  return json({
    // A used code is kept in the field (to read again); an accepted one clears it for the next person.
    result: submission.reply({ resetForm: result === 'checked_in' }),
    outcome: {
      result,
      name: displayName,
      time: checkedInAt ? formatMoment(checkedInAt, event.timeZone, language) : null,
      counts: { checkedIn: done, confirmed },
    },
    error: null,
  });
}

export default function CheckInPage() {
  const { t } = useTranslation('attendance');
  const { t: te } = useTranslation('events');
  const { id, title, titleLang, cancelled, counts: loaded, prefill } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    defaultValue: { code: prefill },
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckInSchema }),
  });
  const outcome = data?.outcome ?? null;
  const shown = outcome?.counts ?? loaded;
  const { key, ...codeProps } = getInputProps(fields.code, { type: 'text', ariaAttributes: false });
  const name = outcome?.name ?? t('checkIn.noName');
  return (
    <section className="narrow stack check-in-page" aria-labelledby="check-in-title">
      <h1 id="check-in-title">{t('common:titles.checkIn')}</h1>
      <p lang={titleLang}>{title}</p>
      {cancelled ? (
        <Notice tone="warning">{t('checkIn.cancelled')}</Notice>
      ) : (
        <>
          <p>{t('checkIn.intro')}</p>
          {outcome ? (
            <div className="check-in-result">
              <Notice tone={outcome.result === 'checked_in' ? 'success' : 'error'}>
                {t(`checkIn.result.${outcome.result}`, { name, time: outcome.time ?? '' })}
              </Notice>
            </div>
          ) : null}
          {data?.error ? <Notice tone="error">{te(data.error)}</Notice> : null}
          <Form method="post" action={`/events/${id}/check-in`} {...getFormProps(form)} className="stack check-in-form">
            <div className="field">
              <label htmlFor={fields.code.id}>{t('checkIn.codeLabel')}</label>
              <FieldHint meta={fields.code} hint={t('checkIn.codeHint')} />
              <input
                key={key}
                {...codeProps}
                className="check-in-code"
                autoFocus
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                {...describedBy(fields.code, t('checkIn.codeHint'))}
              />
              <FieldErrors meta={fields.code} namespace="attendance" />
            </div>
            <SubmitButton pendingLabel={t('checkIn.checking')}>{t('checkIn.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <p role="status">{t('checkIn.counts', shown)}</p>
      <p>
        <Link to={`/events/${id}`} className="link-target">
          {t('checkIn.back')}
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
