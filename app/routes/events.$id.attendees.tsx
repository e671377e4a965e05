import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AttendeeTable } from '~/components/events/attendee-table';
import { CancelEventForm } from '~/components/events/cancel-event-form';
import { ErrorPage } from '~/components/layout/error-page';
import { Button } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { requirePower } from '~/modules/auth/session.server';
import { formatMoment } from '~/modules/events/event-format.server';
import { readEventId } from '~/modules/events/event-id';
import { localTitle } from '~/modules/events/event-views.server';
import { cancelEvent } from '~/modules/events/event-tools.server';
import { decideRegistration, eventAttendees, eventForViewer } from '~/modules/events/events.server';
import { readForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import eventStyles from '~/styles/events.css';
import { mailNotificationsNow } from '~/modules/notifications/mail-notifications.server';

/**
 * `/events/:id/attendees`: the event's organizers only (anyone else: the same 404 as an unknown
 * event, or 403 without the power). The list with statuses, approve / decline pending sign-ups,
 * the audited CSV download, and cancelling the event (which notifies everyone registered).
 */
export const handle = { i18n: ['common', 'events'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'eventAttendees');

const NOTICES = ['approved', 'declined', 'eventCancelled', 'exportQuota'] as const;
const MEMBER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const language = await detectLanguage(request);
  const list = await eventAttendees(identity, id);
  if (!list.ok) throw new Response(null, { status: list.status === 403 ? 403 : 404 });
  const event = await eventForViewer(identity, id);
  if (!event.ok || !event.value) throw new Response(null, { status: 404 });
  const zone = event.value.timeZone;
  return json({
    id,
    ...localTitle(event.value.titles, language),
    cancelled: event.value.status === 'cancelled',
    rows: list.value.map((row) => ({
      memberId: row.memberId,
      displayName: row.displayName,
      status: row.status,
      position: row.position,
      registeredAt: formatMoment(row.registeredAt, zone, language),
      checkedIn: row.checkedInAt !== null,
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'cancelEvent') {
    if (form.get('confirm') !== 'yes') return json({ error: null, cancelError: 'errors.confirmCancel' }, { status: 400 });
    const outcome = await cancelEvent(identity, id);
    if (!outcome.ok) return refusal(outcome);
    await mailNotificationsNow();
    return redirect(`/events/${id}/attendees?done=eventCancelled&count=${outcome.value}`);
  }
  const memberId = form.get('memberId');
  if ((intent !== 'approve' && intent !== 'decline') || typeof memberId !== 'string' || !MEMBER_ID.test(memberId)) {
    return json({ error: 'errors.invalid', cancelError: null }, { status: 400 });
  }
  const outcome = await decideRegistration(identity, id, memberId.toLowerCase(), intent === 'approve');
  if (!outcome.ok) return refusal(outcome);
  await mailNotificationsNow();
  return redirect(`/events/${id}/attendees?done=${intent === 'approve' ? 'approved' : 'declined'}`);
}

function refusal(outcome: { error: string; status: number }) {
  if (outcome.error === 'errors.notFound') throw new Response('Not found', { status: 404 });
  if (outcome.status === 403) throw new Response('Forbidden', { status: 403 });
  return json({ error: outcome.error, cancelError: null }, { status: outcome.status });
}

export default function EventAttendees() {
  const { t } = useTranslation('events');
  const { id, title, titleLang, cancelled, rows } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = NOTICES.find((notice) => notice === params.get('done'));
  return (
    <section className="stack event-attendees-page" aria-labelledby="attendees-title">
      <p>
        <Link to={`/events/${id}`} lang={titleLang} className="link-target">
          {title}
        </Link>
      </p>
      <h1 id="attendees-title">{t('attendees.title')}</h1>
      <p className="muted">{t('attendees.intro')}</p>
      {done === 'exportQuota' ? <Notice tone="warning">{t('notices.exportQuota')}</Notice> : null}
      {done && done !== 'exportQuota' ? <Toast tone="success">{t(`notices.${done}`, { count: Number(params.get('count') ?? 0) })}</Toast> : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {cancelled ? <Notice tone="warning">{t('attendees.alreadyCancelled')}</Notice> : null}
      <AttendeeTable rows={rows} cancelled={cancelled} eventId={id} />
      <Form method="post" action={`/events/${id}/export`} reloadDocument className="stack event-export">
        <p id="export-hint" className="hint">
          {t('attendees.exportHint')}
        </p>
        {/* A file download, not a navigation: no pending state to show. */}
        <Button type="submit" variant="secondary" aria-describedby="export-hint">
          {t('attendees.export')}
        </Button>
      </Form>
      {cancelled ? null : <CancelEventForm error={data?.cancelError ?? null} />}
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
