import { describe, expect, it } from 'vitest';
import { eventCount, generateEvent, organizerCount, zoneOf, type EventReference } from './events-model';
import { createRandom } from './random';

/** The event generator's rules without a database: sizes, zones, and the sign-up rules its registrations follow. */
const members = Array.from({ length: 3_000 }, (_, i) => `m${i}`);
const reference: EventReference = {
  cities: [[{ id: 'warsaw', countryCode: 'PL' }, 60], [{ id: 'tbilisi', countryCode: 'GE' }, 20], [{ id: 'toronto', countryCode: 'CA' }, 20]],
  skills: ['backend-development', 'criminal-law', 'fact-checking'],
  membersByCity: new Map([['warsaw', members.slice(0, 1_500)]]),
  allMembers: members,
  organizers: ['m1', 'm2', 'm3'],
};
const NOW = Date.UTC(2026, 10, 29, 12);
const make = (seed: number) => {
  const random = createRandom(seed);
  return Array.from({ length: 300 }, () => generateEvent(random, reference, NOW));
};

describe('generated events', () => {
  it('come one per 100 members and one organizer per 2,000, as the issue sizes them', () => {
    expect([eventCount(0), eventCount(2_000), eventCount(500_000)]).toEqual([0, 20, 5_000]);
    expect([organizerCount(0), organizerCount(2_000), organizerCount(500_000)]).toEqual([0, 2, 250]);
  });

  it('are the same for the same seed', () => {
    expect(make(3)).toEqual(make(3));
    expect(make(3)[0]!.id).not.toBe(make(4)[0]!.id);
  });

  it('use the zone of their city, also where a country has several', () => {
    expect(zoneOf({ id: 'warsaw', countryCode: 'PL' })).toBe('Europe/Warsaw');
    expect(zoneOf({ id: 'vancouver', countryCode: 'CA' })).toBe('America/Vancouver');
    expect(zoneOf({ id: 'tbilisi', countryCode: 'GE' })).toBe('Asia/Tbilisi');
    for (const e of make(5)) {
      if (e.cityId === 'toronto') expect(e.timeZone).toBe('America/Toronto');
      expect(e.online).toBe(e.cityId === null);
    }
  });

  it('never confirm more than the capacity, waitlist only when full, and never let organizers sign up for their own event', () => {
    let waitlisted = 0;
    for (const e of make(6)) {
      expect(e.capacity).toBeGreaterThanOrEqual(10);
      expect(e.capacity).toBeLessThanOrEqual(300);
      const statuses = e.registrations.map((r) => r.status);
      const confirmed = statuses.filter((s) => s === 'confirmed').length;
      expect(confirmed).toBeLessThanOrEqual(e.capacity);
      const firstWaiting = statuses.indexOf('waitlisted');
      if (firstWaiting >= 0) {
        waitlisted++;
        expect(confirmed).toBe(e.capacity);
        expect(statuses.lastIndexOf('confirmed')).toBeLessThan(firstWaiting);
      }
      if (!e.approvalRequired) expect(statuses).not.toContain('pending');
      expect(new Set(e.registrations.map((r) => r.memberId)).size).toBe(e.registrations.length);
      for (const o of e.organizers) expect(e.registrations.map((r) => r.memberId)).not.toContain(o);
      expect(e.registrations.map((r) => r.arrival)).toEqual([...e.registrations.map((r) => r.arrival)].sort((a, b) => a - b));
    }
    expect(waitlisted).toBeGreaterThan(0);
  });

  it('keep only anonymous totals once the retention time after the event has passed', () => {
    const events = make(7);
    const purged = events.filter((e) => e.totals);
    expect(purged.length).toBeGreaterThan(0);
    for (const e of purged) expect(e.registrations).toEqual([]);
    expect(events.some((e) => !e.totals && e.registrations.some((r) => r.checkedInMinutes !== null))).toBe(true);
  });
});
