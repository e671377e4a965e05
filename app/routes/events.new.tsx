import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EventEditor } from '~/components/events/event-form';
import { ErrorPage } from '~/components/layout/error-page';
import { requirePower } from '~/modules/auth/session.server';
import { handleEditorPost } from '~/modules/events/event-editor.server';
import { loadEventPlaces } from '~/modules/events/event-places.server';
import { DEFAULT_TIME_ZONE } from '~/modules/events/time-zones';
import { createEvent } from '~/modules/events/events.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import eventStyles from '~/styles/events.css';

/** `/events/new`: organizers (with their second factor) publish an event; then its page. */
export const handle = { i18n: ['common', 'events'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'eventNew');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePower(request, 'organizer');
  return json({ places: await loadEventPlaces(await detectLanguage(request)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const identity = await requirePower(request, 'organizer');
  const handled = await handleEditorPost(request, (input) => createEvent(identity, input));
  if (!handled.ok) return handled.response;
  return redirect(`/events/${handled.value}?done=created`);
}

export default function NewEvent() {
  const { t } = useTranslation('events');
  const { places } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="narrow stack" aria-labelledby="new-event-title">
      <h1 id="new-event-title">{t('editor.newTitle')}</h1>
      <EventEditor
        lastResult={data?.result}
        error={data?.error ?? null}
        places={places}
        defaultValue={{ type: 'meeting', place: 'city', timeZone: DEFAULT_TIME_ZONE, capacity: 20, visibility: 'members' }}
        submitLabel={t('editor.create')}
        backTo="/events"
        backLabel={t('page.back')}
      />
    </section>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
