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
