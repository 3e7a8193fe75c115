import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../utils/match/search';

/** xs[i], failing the test if partitionPoint asks for an index outside the array. */
function at(xs: number[], i: number): number {
  const x = xs[i];
  if (x === undefined) throw new Error(`asked for index ${i} of ${xs.length}`);
  return x;
}

describe('partitionPoint', () => {
  const a = [1, 3, 3, 3, 7, 9];
  const below = (t: number) => (i: number) => at(a, i) < t;
  const atMost = (t: number) => (i: number) => at(a, i) <= t;

  it('finds the first index where the predicate turns false', () => {
    expect(partitionPoint(0, a.length, below(3))).toBe(1);
    expect(partitionPoint(0, a.length, atMost(3))).toBe(4);
    expect(partitionPoint(0, a.length, below(4))).toBe(4);
    expect(partitionPoint(0, a.length, below(0))).toBe(0);
    expect(partitionPoint(0, a.length, below(100))).toBe(a.length);
  });

  it('searches only the given range', () => {
    expect(partitionPoint(2, 5, below(0))).toBe(2);
    expect(partitionPoint(2, 5, below(100))).toBe(5);
    expect(partitionPoint(1, a.length, atMost(3)) - 1).toBe(3);
  });

  it('returns lo for an empty range', () => {
    expect(partitionPoint(0, 0, () => true)).toBe(0);
    expect(partitionPoint(1, 0, () => true)).toBe(1);
  });

  it('agrees with a linear scan', () => {
    const sorted = [0, 0, 2, 5, 5, 5, 8, 13, 13, 21];
    for (let t = -1; t <= 22; t++) {
      expect(partitionPoint(0, sorted.length, (i) => at(sorted, i) < t)).toBe(sorted.filter((x) => x < t).length);
      expect(partitionPoint(0, sorted.length, (i) => at(sorted, i) <= t)).toBe(sorted.filter((x) => x <= t).length);
    }
  });
});
