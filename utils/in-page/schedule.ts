import { Pacer } from './pacer';

/** Slice length: well under a frame, so the page stays responsive while we scan (uBO uses 4 ms). */
export const SLICE_MS = 6;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Give the page's own tasks (input, rendering) a turn before continuing. */
export function yieldToPage(signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Run `step` (which returns true when done) in slices, yielding between them. */
export async function runSliced(step: (budgetMs: number) => boolean, signal?: AbortSignal): Promise<void> {
  while (!step(SLICE_MS)) await yieldToPage(signal);
}

/**
 * Call `each` on every item in slices of the page's time, yielding between them; `spent` is told how
 * long each slice took. `weight` is an item's expected cost in units (a block's characters): the clock
 * is read when the units done since the last reading may have used a quarter of what is left of the slice
 * (pacer.ts), and an item expected not to fit in what is left waits for the next slice. So a slice
 * ends within the budget, or runs over by at most its last item, whatever the CPU's speed.
 */
export async function forEachSliced<T>(
  items: Iterable<T>,
  each: (item: T) => void,
  weight: (item: T) => number,
  spent: (ms: number) => void,
  signal?: AbortSignal,
  now: () => number = () => performance.now(),
): Promise<void> {
  const pacer = new Pacer(SLICE_MS, now);
  // One iterator across the slices: each slice resumes where the last one stopped.
  const rest = items[Symbol.iterator]();
  let r = rest.next();
  while (!r.done) {
    const start = pacer.begin();
    while (!r.done) {
      const units = weight(r.value);
      if (!pacer.fits(units)) break;
      each(r.value);
      r = rest.next();
      if (pacer.spend(units)) break;
    }
    spent(now() - start);
    if (!r.done) await yieldToPage(signal);
  }
}

/** Longest wait for a frame: a tab in the background paints no frames at all. */
const FRAME_WAIT_MS = 100;

/**
 * Resolve in a task just after the next frame was painted (so layout is clean), or after
 * FRAME_WAIT_MS when no frame comes (a hidden tab).
 */
export function afterPaint(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (signal?.aborted) reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      else resolve();
    };
    const timer = setTimeout(finish, FRAME_WAIT_MS);
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}
