import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AttendeePass } from '~/components/events/attendee-pass';
import { ErrorPage } from '~/components/layout/error-page';
import { requireUser } from '~/modules/auth/session.server';
import { loadAttendeePass } from '~/modules/events/attendance.server';
import { formatEventTime, formatMoment } from '~/modules/events/event-format.server';
import { readEventId } from '~/modules/events/event-id';
import { localTitle } from '~/modules/events/event-views.server';
import { eventForViewer } from '~/modules/events/events.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import attendanceStyles from '~/styles/attendance.css';

/**
 * `/events/:id/pass`: the confirmed attendee's pass on a page of its own, to open on a phone at
 * the door (the event page shows the same pass). Anyone without a pass gets a 404. The title and
 * time are shown so the attendee knows which pass it is; the venue stays on the event page.
 */
export const handle = { i18n: ['common', 'attendance'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: attendanceStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'event');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requireUser(request);
  const id = readEventId(params.id);
  const language = await detectLanguage(request);
  const [pass, found] = await Promise.all([loadAttendeePass(identity, id), eventForViewer(identity, id)]);
  if (!pass || !found.ok || !found.value) throw new Response('Not found', { status: 404 });
  const event = found.value;
  return json(
    {
      pass: {
        eventId: pass.eventId,
        code: pass.code,
        qrSvg: pass.qrSvg,
        checkedIn: pass.checkedInAt ? formatMoment(new Date(pass.checkedInAt), event.timeZone, language) : null,
      },
      ...localTitle(event.titles, language),
      when: formatEventTime(event.startsAt, event.endsAt, event.timeZone, language),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export default function PassPage() {
  const { t } = useTranslation('attendance');
  const { pass, title, titleLang, when } = useLoaderData<typeof loader>();
  return (
    <section className="narrow stack" aria-labelledby="pass-event-title">
      <h1 id="pass-event-title" lang={titleLang}>
        {title}
      </h1>
      <p>{when}</p>
      <AttendeePass {...pass} />
      <p>
        <Link to={`/events/${pass.eventId}`} className="link-target">
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
