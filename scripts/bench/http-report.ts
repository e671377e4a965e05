import type { HttpResult } from './http';

/** The printed figures of the HTTP step, with the size they were measured at (the target is for 500,000). */
export function printHttp(profiles: number, r: HttpResult) {
  console.log(`\nSSR search page over HTTP at ${profiles.toLocaleString('en')} profiles, ${r.connections} connections, ${r.seconds} s (${r.mode})`);
  console.table([{
    'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'requests/s': r.perSecond, requests: r.requests, errors: r.errors,
    'bytes/page': r.bytesPerPage, 'target p95 at 500k': '≤ 120 ms',
  }]);
  console.table(Object.entries(r.byPath).map(([path, f]) => ({ path, 'p50 ms': f.p50, 'p95 ms': f.p95, 'p99 ms': f.p99, requests: f.n })));
}
