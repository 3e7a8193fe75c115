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
