import { describe, expect, it } from 'vitest';
import { nearDoubling, stallLabel, stallsOf, worstStretchMs } from '../../scripts/read-stalls';

describe('nearDoubling', () => {
  it('finds the power of two a node count sits on, within a hundredth of it', () => {
    expect(nearDoubling(4091)).toBe(4096);
    expect(nearDoubling(16_379)).toBe(16_384);
    expect(nearDoubling(65_531)).toBe(65_536);
    expect(nearDoubling(8_250)).toBe(8192);
    expect(nearDoubling(8_300)).toBeNull();
    expect(nearDoubling(6_000)).toBeNull();
  });

  it('ignores small counts, where every count is near some power of two', () => {
    expect(nearDoubling(256)).toBeNull();
    expect(nearDoubling(512)).toBe(512);
    expect(nearDoubling(0)).toBeNull();
    expect(nearDoubling(Number.NaN)).toBeNull();
  });
});

describe('stallsOf', () => {
  it('gives the reads at or over the threshold, longest first, numbered from one', () => {
    // Before: 100. Node 1 ends at 100.5, node 2 at 103.5 (3 ms), node 3 at 103.6, node 4 at 105.6 (2 ms).
    const stalls = stallsOf(100, [100.5, 103.5, 103.6, 105.6], 2);
    expect(stalls.map((s) => [s.node, Math.round(s.ms * 10) / 10])).toEqual([
      [2, 3],
      [4, 2],
    ]);
    expect(stalls.every((s) => s.doubling === null)).toBe(true);
  });

  it('counts the first read from the clock before the walk', () => {
    expect(stallsOf(0, [5], 1)).toEqual([{ node: 1, ms: 5, doubling: null }]);
  });

  it('marks a stall on a power of two', () => {
    const times = Array.from({ length: 1100 }, (_, i) => i * 0.01 + (i >= 1023 ? 9 : 0));
    expect(stallsOf(-0.01, times, 1)).toEqual([{ node: 1024, ms: expect.closeTo(9.01, 5), doubling: 1024 }]);
  });
});

describe('worstStretchMs', () => {
  it('is the longest time any run of that many consecutive nodes took', () => {
    // Steps: 1, 1, 5, 1, 1 ms: the worst two-node stretch holds the 5.
    const times = [1, 2, 7, 8, 9];
    expect(worstStretchMs(0, times, 2)).toBe(6);
    expect(worstStretchMs(0, times, 1)).toBe(5);
  });

  it('takes the whole walk when it is shorter than the stretch, and nothing when empty', () => {
    expect(worstStretchMs(10, [11, 13], 256)).toBe(3);
    expect(worstStretchMs(10, [], 256)).toBe(0);
  });
});

describe('stallLabel', () => {
  it('names the node, the time and the power of two', () => {
    expect(stallLabel({ node: 16_379, ms: 16.34, doubling: 16_384 })).toBe('16,379 (16.3 ms, 2^14)');
    expect(stallLabel({ node: 264, ms: 12.6, doubling: null })).toBe('264 (12.6 ms)');
  });
});
