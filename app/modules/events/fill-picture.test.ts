import { describe, expect, it } from 'vitest';
import { fillPicture } from './fill-picture';

/** The fill picture draws what the words say, and never more than "fewer than 5" tells. */
const kinds = (picture: ReturnType<typeof fillPicture>) => picture?.segments.map(({ kind, from, to }) => `${kind} ${from}–${to}`);

describe('fillPicture', () => {
  it('draws taken and free places, one box each for a small event', () => {
    const picture = fillPicture({ confirmed: 7, capacity: 10, waitlisted: 'lt5', hasPlaces: true });
    expect(kinds(picture)).toEqual(['taken 0–7', 'free 7–10']);
    expect(picture).toMatchObject({ width: 10, seats: true });
  });

  it('draws the waitlist past the end of a full event, at most as long as the event', () => {
    expect(kinds(fillPicture({ confirmed: 2, capacity: 2, waitlisted: 1, hasPlaces: false }))).toEqual(['taken 0–2', 'waiting 2–3']);
    const long = fillPicture({ confirmed: 60, capacity: 60, waitlisted: 200, hasPlaces: false });
    expect(kinds(long)).toEqual(['taken 0–60', 'waiting 60–120']);
    expect(long?.seats).toBe(false);
  });

  it('draws "fewer than 5" as a band of every value it could be, never as a length', () => {
    expect(kinds(fillPicture({ confirmed: 'lt5', capacity: 30, waitlisted: 'lt5', hasPlaces: true }))).toEqual(['unknown 0–4', 'free 4–30']);
    // Three places, not full: zero to two taken.
    expect(kinds(fillPicture({ confirmed: 'lt5', capacity: 3, waitlisted: 'lt5', hasPlaces: true }))).toEqual(['unknown 0–2', 'free 2–3']);
    // Full is said in words anyway; the waitlist of fewer than 5 is a band too.
    expect(kinds(fillPicture({ confirmed: 'lt5', capacity: 3, waitlisted: 'lt5', hasPlaces: false }))).toEqual(['taken 0–3', 'waiting-unknown 3–6']);
  });

  it('draws no waitlist while places are free, and nothing for an event without places', () => {
    expect(kinds(fillPicture({ confirmed: 5, capacity: 6, waitlisted: 3, hasPlaces: true }))).toEqual(['taken 0–5', 'free 5–6']);
    expect(fillPicture({ confirmed: 0, capacity: 0, waitlisted: null, hasPlaces: false })).toBeNull();
  });
});
