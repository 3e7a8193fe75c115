/**
 * Binary search over the indices [lo, hi): the first index where `before` turns false, or `hi` if it
 * never does. `before` must be true for a prefix of the range and false after it (a sorted array and a
 * `<` or `<=` comparison against a target). Pure, with no imports: page code shares it.
 */
export function partitionPoint(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
