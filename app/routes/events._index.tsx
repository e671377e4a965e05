import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EventCardView } from '~/components/events/event-card';
import { EventFilters } from '~/components/events/event-filters';
import { ErrorPage } from '~/components/layout/error-page';
import { Notice } from '~/components/ui/notice';
import { getCurrentUser } from '~/modules/auth/session.server';
import { loadEventPlaces } from '~/modules/events/event-places.server';
import { EventFiltersSchema } from '~/modules/events/event-schema';
import { eventFill } from '~/modules/events/event-tools.server';
import { cardView, teaserView, type CardView } from '~/modules/events/event-views.server';
import { listEvents, publicEventTeasers } from '~/modules/events/events.server';
import { pageTitle } from '~/modules/i18n/page-title';
import { detectLanguage } from '~/platform/i18n.server';
import eventStyles from '~/styles/events.css';

/**
 * `/events`: upcoming events, filtered by the query string (bad values are dropped, never a
 * 500). Members see every event with its time in the venue's zone and how full it is;
 * signed-out visitors see public teasers only (the day, no time, venue or attendee detail).
 * Organizers get the "New event" link.
 */
export const handle = { i18n: ['common', 'events'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await getCurrentUser(request);
  const language = await detectLanguage(request);
  const parsed = EventFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const filters = parsed.success ? parsed.data : {};
  const places = await loadEventPlaces(language);
  const base = { filters, places, signedIn: identity !== null, canCreate: identity?.roles.includes('organizer') ?? false };
  if (!identity) {
    const { includePast: _past, ...publicFilters } = filters;
    const teasers = await publicEventTeasers(publicFilters);
    return json({ ...base, filters: publicFilters, cards: teasers.map((teaser) => teaserView(teaser, places, language)), refused: null });
  }
  const listed = await listEvents(identity, filters);
  if (!listed.ok) return json({ ...base, cards: [] as CardView[], refused: listed.error }, { status: listed.status === 400 ? 200 : listed.status });
  const fill = await eventFill(identity, listed.value.map((event) => event.id));
  return json({ ...base, cards: listed.value.map((event) => cardView(event, fill[event.id], places, language)), refused: null });
}

export default function Events() {
  const { t } = useTranslation('events');
  const { filters, places, signedIn, canCreate, cards, refused } = useLoaderData<typeof loader>();
  return (
    <div className="events stack">
      <div className="events-head">
        <h1>{t('list.title')}</h1>
        {canCreate ? (
          <Link to="/events/new" className="button">
            {t('list.new')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('list.intro')}</p>
      {signedIn ? null : (
        <Notice tone="info">
          {t('list.visitorNote')} <Link to="/sign-in?redirectTo=/events">{t('list.signIn')}</Link>
        </Notice>
      )}
      {refused ? <Notice tone="error">{t(refused)}</Notice> : null}
      <div className="events-layout">
        <EventFilters filters={filters} places={places} showPast={signedIn} />
        <section aria-labelledby="events-results" className="event-results">
          <h2 id="events-results">{t('list.results', { count: cards.length })}</h2>
          {cards.length === 0 ? <p>{t('list.empty')}</p> : null}
          <ul className="event-cards">
            {cards.map((card) => (
              <li key={card.id}>
                <EventCardView card={card} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
