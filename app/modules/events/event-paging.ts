/**
 * The listing's pages: 50 events a page, in the URL as `offset` beside the filters, so a page
 * can be bookmarked and the filter form (which has no offset field) starts again at the first.
 * The loader asks for one event more than it shows, to know whether a next page exists.
 */
export const EVENTS_PER_PAGE = 50;

/** `first`: the number of the page's first event; `start`: the first page, when on another. */
export type EventPage = { previous?: string; next?: string; start?: string; page: number; first: number };

export function eventPage(url: URL, offset: number, hasMore: boolean): EventPage {
  const at = (value: number) => {
    const params = new URLSearchParams(url.search);
    params.delete('offset');
    if (value > 0) params.set('offset', String(value));
    const query = params.toString();
    return query ? `${url.pathname}?${query}` : url.pathname;
  };
  return {
    previous: offset > 0 ? at(Math.max(0, offset - EVENTS_PER_PAGE)) : undefined,
    next: hasMore ? at(offset + EVENTS_PER_PAGE) : undefined,
    start: offset > 0 ? at(0) : undefined,
    page: Math.floor(offset / EVENTS_PER_PAGE) + 1,
    first: offset + 1,
  };
}
