import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useNavigation, useRouteError } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { EventCardView } from '~/components/events/event-card';
import { EventFilters } from '~/components/events/event-filters';
import { EventsEmpty } from '~/components/events/events-empty';
import { ErrorPage } from '~/components/layout/error-page';
import { ButtonLink } from '~/components/ui/button';
import { Notice } from '~/components/ui/notice';
import { Pagination } from '~/components/ui/pagination';
import { getCurrentUser } from '~/modules/auth/session.server';
import { eventPage, EVENTS_PER_PAGE } from '~/modules/events/event-paging';
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
 * Organizers get the "New event" link. Fifty events a page, the page in the URL beside the
 * filters (modules/events/event-paging.ts).
 */
export const handle = { i18n: ['common', 'events'] };
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events');

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await getCurrentUser(request);
  const language = await detectLanguage(request);
  const url = new URL(request.url);
  const parsed = EventFiltersSchema.safeParse(Object.fromEntries(url.searchParams));
  const filters = parsed.success ? parsed.data : {};
  const offset = filters.offset ?? 0;
  // One more than a page, to know whether there is a next one.
  const paged = { ...filters, limit: EVENTS_PER_PAGE + 1 };
  const places = await loadEventPlaces(language);
  const base = { filters, places, signedIn: identity !== null, canCreate: identity?.roles.includes('organizer') ?? false };
  if (!identity) {
    const { includePast: _past, ...publicFilters } = paged;
    const teasers = await publicEventTeasers(publicFilters);
    const shown = teasers.slice(0, EVENTS_PER_PAGE);
    return json({ ...base, filters: publicFilters, cards: shown.map((teaser) => teaserView(teaser, places, language)), paging: eventPage(url, offset, teasers.length > EVENTS_PER_PAGE), refused: null });
  }
  const listed = await listEvents(identity, paged);
  if (!listed.ok) return json({ ...base, cards: [] as CardView[], paging: eventPage(url, offset, false), refused: listed.error }, { status: listed.status === 400 ? 200 : listed.status });
  const shown = listed.value.slice(0, EVENTS_PER_PAGE);
  const fill = await eventFill(identity, shown.map((event) => event.id));
  return json({
    ...base,
    cards: shown.map((event) => cardView(event, fill[event.id], places, language)),
    paging: eventPage(url, offset, listed.value.length > EVENTS_PER_PAGE),
    refused: null,
  });
}

export default function Events() {
  const { t } = useTranslation('events');
  const { filters, places, signedIn, canCreate, cards, paging, refused } = useLoaderData<typeof loader>();
  // New filters or another page are on their way: the old results say so until they arrive.
  const navigation = useNavigation();
  const updating = navigation.state === 'loading' && navigation.location.pathname === '/events';
  const paged = paging.previous !== undefined || paging.next !== undefined;
  return (
    <div className="events stack">
      <div className="events-head">
        <h1>{t('list.title')}</h1>
        {canCreate ? <ButtonLink to="/events/new">{t('list.new')}</ButtonLink> : null}
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
        <section aria-labelledby="events-results" className="event-results" aria-busy={updating || undefined}>
          <h2 id="events-results">
            {paged && cards.length > 0 ? t('list.resultsRange', { from: paging.first, to: paging.first + cards.length - 1 }) : t('list.results', { count: cards.length })}
          </h2>
          {cards.length === 0 && !refused ? <EventsEmpty filters={filters} canCreate={canCreate} signedIn={signedIn} firstPage={paging.start} /> : null}
          <ul className="event-cards">
            {cards.map((card) => (
              <li key={card.id}>
                <EventCardView card={card} />
              </li>
            ))}
          </ul>
          <Pagination
            label={t('list.pages')}
            previous={paging.previous}
            next={paging.next}
            previousLabel={t('list.previous')}
            nextLabel={t('list.next')}
            status={paged ? t('list.page', { page: paging.page }) : undefined}
          />
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
