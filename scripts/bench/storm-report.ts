import type { StormResult } from './storm';

/** The printed figures of the sign-up storm against the targets. */
export function printStorm(r: StormResult) {
  console.log(`\nSign-up storm: ${r.signUps} members, ${r.capacity} places, ${r.connections} connections`);
  console.table([{
    confirmed: r.confirmed, waitlisted: r.waitlisted, errors: r.errors, 'waitlist in order': r.waitlistInOrder,
    'sign-ups/s': r.perSecond, 'p50 ms': r.latency.p50, 'p95 ms': r.latency.p95, 'p99 ms': r.latency.p99,
    'target': `exactly ${r.capacity} confirmed, 0 errors, ≥ 300/s`, met: r.correct && r.perSecond >= 300,
  }]);
}
