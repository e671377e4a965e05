import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EventEditor } from '~/components/events/event-form';
import { ErrorPage } from '~/components/layout/error-page';
import { requirePower } from '~/modules/auth/session.server';
import { handleEditorPost } from '~/modules/events/event-editor.server';
import { readEventId } from '~/modules/events/event-id';
import { loadEventPlaces } from '~/modules/events/event-places.server';
import { toEventForm } from '~/modules/events/event-schema';
import { eventInputForEditor, updateEvent } from '~/modules/events/events.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import eventStyles from '~/styles/events.css';
import { mailNotificationsNow } from '~/modules/notifications/mail-notifications.server';

/**
 * `/events/:id/edit`: the event's organizers change it. The whole form is sent again (one path,
 * one check in SQL). Capacity below the confirmed count is refused at the capacity field with
 * everything typed kept; more capacity moves people up from the waitlist at once.
 */
export const handle = { i18n: ['common', 'events'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'eventEdit');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const current = await eventInputForEditor(identity, id);
  if (!current.ok) throw new Response(null, { status: current.status === 403 ? 403 : 404 });
  return json({ id, defaultValue: toEventForm(current.value), places: await loadEventPlaces(await detectLanguage(request)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const id = readEventId(params.id);
  const handled = await handleEditorPost(request, (input) => updateEvent(identity, id, input));
  if (!handled.ok) return handled.response;
  const promoted = handled.value.promoted ?? 0;
  if (promoted > 0) await mailNotificationsNow();
  return redirect(`/events/${id}?done=${promoted > 0 ? `savedPromoted&count=${promoted}` : 'saved'}`);
}

export default function EditEvent() {
  const { t } = useTranslation('events');
  const { id, defaultValue, places } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="narrow stack" aria-labelledby="edit-event-title">
      <h1 id="edit-event-title">{t('editor.editTitle')}</h1>
      <EventEditor
        lastResult={data?.result}
        error={data?.error ?? null}
        places={places}
        defaultValue={defaultValue}
        submitLabel={t('editor.save')}
        backTo={`/events/${id}`}
      />
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
