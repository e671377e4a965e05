import { z } from 'zod';

const EventId = z.string().uuid();

/** The event id of a route; anything but a UUID is a 404 (never reaches SQL, never a 500). */
export function readEventId(raw: string | undefined): string {
  const parsed = EventId.safeParse(raw);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data.toLowerCase();
}
