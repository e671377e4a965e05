/** Latency figures of one query: nearest-rank percentiles in milliseconds, and calls a second. */
export type Figures = { n: number; p50: number; p95: number; p99: number; mean: number; perSecond: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function figures(samples: readonly number[], wallMs: number): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(sorted.length, 1)),
    perSecond: round((sorted.length * 1000) / Math.max(wallMs, 1e-9)),
  };
}
