import type { ShownCount } from './event-model';

/**
 * The geometry of an event's fill picture, in places: taken, free, and the waitlist drawn past
 * the end of the bar. A count below 5 reaches members as "lt5" (T8), and the picture tells no
 * more than the words do: it draws such a count as an "unknown" band covering every value it
 * could be (up to 4), never as a length that would give the number away. A long waitlist is
 * drawn as long as the event at most, so the places stay readable; the words carry the number.
 */

export type FillSegment = { kind: 'taken' | 'free' | 'unknown' | 'waiting' | 'waiting-unknown'; from: number; to: number };
export type FillPicture = { width: number; capacity: number; segments: FillSegment[]; seats: boolean };
export type FillInput = { confirmed: ShownCount; capacity: number; waitlisted: ShownCount | null; hasPlaces: boolean | null };

/** Up to this many places (waitlist included) are drawn one box each; beyond, as one bar. */
const MAX_SEATS = 40;

function takenPart({ confirmed, capacity, hasPlaces }: FillInput): FillSegment[] {
  if (typeof confirmed === 'number') {
    const taken = Math.min(confirmed, capacity);
    return [{ kind: 'taken', from: 0, to: taken }, { kind: 'free', from: taken, to: capacity }];
  }
  // "Fewer than 5" and no place left: the event (capacity 4 or less) is full, which the words say too.
  if (hasPlaces === false) return [{ kind: 'taken', from: 0, to: capacity }];
  const unknown = Math.min(4, capacity - 1);
  return [{ kind: 'unknown', from: 0, to: unknown }, { kind: 'free', from: unknown, to: capacity }];
}

function waitingPart({ capacity, waitlisted, hasPlaces }: FillInput): FillSegment[] {
  // A waitlist forms only once the event is full; "lt5" may well mean nobody.
  if (hasPlaces !== false || waitlisted === null || waitlisted === 0) return [];
  if (waitlisted === 'lt5') return [{ kind: 'waiting-unknown', from: capacity, to: capacity + Math.min(4, capacity) }];
  return [{ kind: 'waiting', from: capacity, to: capacity + Math.min(waitlisted, capacity) }];
}

export function fillPicture(fill: FillInput): FillPicture | null {
  if (fill.capacity <= 0) return null;
  const segments = [...takenPart(fill), ...waitingPart(fill)].filter((segment) => segment.to > segment.from);
  const width = Math.max(...segments.map((segment) => segment.to));
  return { width, capacity: fill.capacity, segments, seats: width <= MAX_SEATS };
}
