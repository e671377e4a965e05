import { describe, expect, it } from 'vitest';
import { figures, percentile } from './stats';

describe('benchmark figures', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });
  it('counts calls a second over the wall time', () => {
    const f = figures([10, 30, 20], 60);
    expect(f).toMatchObject({ n: 3, p50: 20, p99: 30, mean: 20, perSecond: 50 });
  });
});
