import { describe, expect, it } from 'vitest';
import { eventPage } from './event-paging';

/** Page links keep every filter and change the offset only; none points past either end. */
describe('eventPage', () => {
  it('links the first page to the next one, keeping the filters', () => {
    const page = eventPage(new URL('http://x/events?cityId=vilnius&online=false'), 0, true);
    expect(page).toEqual({ previous: undefined, next: '/events?cityId=vilnius&online=false&offset=50', start: undefined, page: 1, first: 1 });
  });

  it('links back to a URL without an offset from the second page, and no further on the last', () => {
    const page = eventPage(new URL('http://x/events?offset=50&skill=design'), 50, false);
    expect(page).toEqual({ previous: '/events?skill=design', next: undefined, start: '/events?skill=design', page: 2, first: 51 });
  });

  it('never goes below the first event from an odd offset', () => {
    expect(eventPage(new URL('http://x/events?offset=20'), 20, true)).toMatchObject({ previous: '/events', next: '/events?offset=70', start: '/events', page: 1 });
  });
});
