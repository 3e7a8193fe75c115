/** Where a highlighted name is, seen from the window: above it, in it, or below it. */
export type Place = 'above' | 'in' | 'below';

/**
 * The index of the name to step to among `count` highlighted names in document order, moving by
 * `dir` (1: next, -1: previous) and wrapping round. `current` is the index of the name the reader is
 * on (its card is open, or they stepped to it last), or -1. When the reader has scrolled away from
 * it (or is on none), the step starts from what they are looking at: the first name not above the
 * window going forward, the last not below it going back. `placeAt` lays a name out: it is asked
 * about the current name only, unless the step starts from the window. -1 when there is no name.
 */
export function stepTarget(count: number, current: number, dir: 1 | -1, placeAt: (i: number) => Place): number {
  if (count <= 0) return -1;
  if (current >= 0 && current < count && placeAt(current) === 'in') return (current + dir + count) % count;
  if (dir === 1) {
    for (let i = 0; i < count; i++) if (placeAt(i) !== 'above') return i;
    return 0;
  }
  for (let i = count - 1; i >= 0; i--) if (placeAt(i) !== 'below') return i;
  return count - 1;
}

/** A rectangle's place relative to a window `height` pixels tall. */
export function placeOf(rect: { top: number; bottom: number }, height: number): Place {
  if (rect.bottom <= 0) return 'above';
  if (rect.top >= height) return 'below';
  return 'in';
}
