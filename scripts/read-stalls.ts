/**
 * Reading a walk's clock: given the time after each node of a DOM walk, which single reads stalled,
 * how long the worst stretch of `stretch` nodes took (a slice that reads the clock every `stretch`
 * nodes can be no shorter), and whether a stall fell where a table keyed by node doubles in size.
 * Pure, for `probe-stalls.ts`.
 */

export interface Stall {
  /** 1-based: the stall came while reading the node-th node of the walk. */
  node: number;
  ms: number;
  /** The power of two this node count sits on (within `DOUBLING_TOLERANCE` of it), or null. */
  doubling: number | null;
}

/** How far from a power of two a stall may fall and still be put down to a table growing there. */
export const DOUBLING_TOLERANCE = 0.01;

/** The power of two within `tolerance` (a share of it) of `count`, from 2^9 up; null when none is. */
export function nearDoubling(count: number, tolerance = DOUBLING_TOLERANCE): number | null {
  if (!(count >= 1)) return null;
  const k = Math.round(Math.log2(count));
  const p = 2 ** k;
  return k >= 9 && Math.abs(count - p) <= p * tolerance ? p : null;
}

/**
 * The reads that took `overMs` or more, longest first. `times[i]` is the clock after node i + 1,
 * `start` the clock before the first.
 */
export function stallsOf(start: number, times: ArrayLike<number>, overMs: number): Stall[] {
  const out: Stall[] = [];
  let prev = start;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t - prev >= overMs) out.push({ node: i + 1, ms: t - prev, doubling: nearDoubling(i + 1) });
    prev = t;
  }
  return out.sort((a, b) => b.ms - a.ms);
}

/** The longest time any `stretch` consecutive nodes took (all of them when fewer). */
export function worstStretchMs(start: number, times: ArrayLike<number>, stretch: number): number {
  if (!times.length) return 0;
  if (times.length <= stretch) return times[times.length - 1]! - start;
  let worst = 0;
  for (let i = stretch - 1; i < times.length; i++) {
    const before = i - stretch < 0 ? start : times[i - stretch]!;
    worst = Math.max(worst, times[i]! - before);
  }
  return worst;
}

/** One line: "4,092 (1.0 ms, 2^12)". */
export function stallLabel(s: Stall): string {
  const at = s.doubling === null ? '' : `, 2^${Math.log2(s.doubling)}`;
  return `${s.node.toLocaleString('en')} (${s.ms.toFixed(1)} ms${at})`;
}
