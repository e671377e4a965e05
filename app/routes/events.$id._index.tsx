import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AttendeePass } from '~/components/events/attendee-pass';
import { FillMeter } from '~/components/events/fill-meter';
import { RegistrationPanel } from '~/components/events/registration-panel';
import { ErrorPage } from '~/components/layout/error-page';
import { ButtonLink } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import { Toast } from '~/components/ui/toast';
import { languageNames } from '~/i18n/config';
import { requireUser } from '~/modules/auth/session.server';
import { loadAttendeePass } from '~/modules/events/attendance.server';
import { formatMoment } from '~/modules/events/event-format.server';
import { readEventId } from '~/modules/events/event-id';
import { eventPageView } from '~/modules/events/event-page.server';
import { loadEventPlaces } from '~/modules/events/event-places.server';
import { eventFill } from '~/modules/events/event-tools.server';
import { cancelRegistration, eventForViewer, signUpForEvent } from '~/modules/events/events.server';
import { readForm } from '~/modules/forms/read-form.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import attendanceStyles from '~/styles/attendance.css';
import eventStyles from '~/styles/events.css';
import { mailNotificationsNow } from '~/modules/notifications/mail-notifications.server';

/**
 * `/events/:id`: one event for a member, in their language or the first one it has. The venue
 * and the online link appear only when SQL gives them (a confirmed attendee, the event's
 * organizers). Sign up in one click (a POST; a second click returns the same registration),
 * cancel or leave the waitlist; confirmed attendees get their pass (check-in code, QR, calendar
 * file), organizers their tools.
 */
export const handle = { i18n: ['common', 'events', 'attendance'] };
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: eventStyles },
  { rel: 'stylesheet', href: attendanceStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'event');

const NOTICES = ['created', 'saved', 'savedPromoted', 'confirmed', 'waitlisted', 'pending', 'cancelled'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const id = readEventId(params.id);
  const language = await detectLanguage(request);
  const found = await eventForViewer(identity, id);
  if (!found.ok) throw new Response(null, { status: found.status === 403 ? 403 : 404 });
  if (!found.value) throw new Response('Not found', { status: 404 });
  const event = found.value;
  // The pass (check-in code, QR, calendar link) only for a confirmed attendee of a scheduled event.
  const confirmed = event.registration?.status === 'confirmed' && event.status === 'scheduled';
  const pass = confirmed ? await loadAttendeePass(identity, id) : null;
  // Organizers have the exact waitlist in `counts`; members get it as the listing shows it.
  const waitlisted = event.counts ? event.counts.waitlisted : ((await eventFill(identity, [id]))[id]?.waitlisted ?? null);
  return json({
    event: eventPageView(event, await loadEventPlaces(language), language),
    waitlisted,
    pass: pass && {
      eventId: pass.eventId,
      code: pass.code,
      qrSvg: pass.qrSvg,
      checkedIn: pass.checkedInAt ? formatMoment(new Date(pass.checkedInAt), event.timeZone, language) : null,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requireUser(request);
  const id = readEventId(params.id);
  const intent = (await readForm(request)).get('intent');
  if (intent !== 'signUp' && intent !== 'cancel') return json({ error: 'errors.invalid' }, { status: 400 });
  const outcome = intent === 'signUp' ? await signUpForEvent(identity, id) : await cancelRegistration(identity, id);
  if (!outcome.ok) {
    if (outcome.status === 404 && outcome.error === 'errors.notFound') throw new Response('Not found', { status: 404 });
    return json({ error: outcome.error }, { status: outcome.status });
  }
  // A cancellation may have given someone on the waitlist the place: tell them now.
  if (intent === 'cancel') await mailNotificationsNow();
  const done = intent === 'cancel' ? 'cancelled' : (outcome.value.status ?? 'confirmed');
  return redirect(`/events/${id}?done=${done}`);
}

export default function EventPage() {
  const { t } = useTranslation('events');
  const { event, waitlisted, pass } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = NOTICES.find((notice) => notice === params.get('done'));
  const count = Number(params.get('count') ?? 0);
  return (
    <article className="narrow stack event-page" aria-labelledby="event-title">
      <p>
        <Link to="/events" className="link-target">
          {t('page.back')}
        </Link>
      </p>
      <h1 id="event-title" lang={event.titleLang}>
        {event.title}
      </h1>
      <p className="event-meta">{t(`type.${event.type}`)}</p>
      {done ? <Toast tone="success">{t(`notices.${done}`, { count })}</Toast> : null}
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {event.cancelled ? <Notice tone="warning">{t('page.eventCancelled')}</Notice> : null}
      {event.otherLanguage ? <p className="muted">{t('page.otherLanguage', { language: languageNames[event.otherLanguage] })}</p> : null}

      <dl className="event-facts">
        <dt>{t('page.when')}</dt>
        <dd>{event.when}</dd>
        <dt>{t('page.where')}</dt>
        <dd>{event.online ? t('card.online') : event.city}</dd>
        {event.online ? (
          <>
            <dt>{t('page.onlineLink')}</dt>
            <dd>{event.onlineUrl ? <a href={event.onlineUrl} rel="noreferrer noopener">{event.onlineUrl}</a> : <span className="muted">{t('page.linkHidden')}</span>}</dd>
          </>
        ) : (
          <>
            <dt>{t('page.venue')}</dt>
            <dd className="event-venue">{event.venueAddress ?? <span className="muted">{t('page.venueHidden')}</span>}</dd>
          </>
        )}
        <dt>{t('page.places')}</dt>
        <dd>
          <FillMeter fill={{ confirmed: event.attendeeCount, capacity: event.capacity, waitlisted, hasPlaces: event.hasPlaces }} />
        </dd>
        <dt>{t('page.registration')}</dt>
        <dd>
          {t('page.window', event.window)}
          {event.approvalRequired ? <> {t('page.approval')}</> : null}
        </dd>
        {event.skills.length > 0 ? (
          <>
            <dt>{t('page.skills')}</dt>
            <dd>{event.skills.join(', ')}</dd>
          </>
        ) : null}
      </dl>

      {event.description ? (
        <div className="event-description" lang={event.descriptionLang}>
          {event.description.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      ) : null}

      <RegistrationPanel registration={event.registration} registrationOpen={event.registrationOpen} cancelled={event.cancelled} />

      {pass ? <AttendeePass {...pass} /> : null}

      {event.organizing ? (
        <section className="event-organizer stack" aria-labelledby="organizer-tools">
          <h2 id="organizer-tools">{t('page.attendees')}</h2>
          {event.counts ? <p>{t('page.organizerCounts', { ...event.counts, capacity: event.capacity })}</p> : null}
          <p className="event-organizer-links">
            <ButtonLink to={`/events/${event.id}/edit`} variant="secondary">
              {t('page.edit')}
            </ButtonLink>
            <ButtonLink to={`/events/${event.id}/attendees`} variant="secondary">
              {t('page.attendees')}
            </ButtonLink>
          </p>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
