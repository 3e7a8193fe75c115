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
 * Longest wait for a frame in a hidden tab, which paints none: its layout is read with nobody watching.
 * Also the line past which a visible tab's frame counts as late in the scan's figures.
 */
export const HIDDEN_FRAME_WAIT_MS = 100;

/**
 * Longest wait for a frame in a visible tab. Waiting costs the reader nothing (a highlight shows at the
 * next frame, whenever it comes), and giving up early costs the page's pending style and layout, forced
 * into our task: a heavy page's first frames can come later than 100 ms, on a slow machine most of all.
 * The limit is there only for a visible document whose frames stop (an iframe Chromium does not render).
 */
export const VISIBLE_FRAME_WAIT_MS = 1000;

/**
 * Resolve in a task just after the next frame was painted (so layout is clean), with the time waited;
 * -1 when no frame came in time. A hidden document waits HIDDEN_FRAME_WAIT_MS at most; a visible one
 * VISIBLE_FRAME_WAIT_MS, or until it is hidden.
 */
export function afterPaint(signal?: AbortSignal, doc: Document = document): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const began = performance.now();
    // Its signal removes both listeners once the wait is over (`stop` passes as their options).
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (painted?: boolean) => {
      if (stop.signal.aborted) return;
      stop.abort();
      clearTimeout(timer);
      if (signal?.aborted) reject(signal.reason);
      else resolve(painted ? performance.now() - began : -1);
    };
    // Armed again when the tab is hidden or shown: a hidden tab paints nothing, and its limit holds from then on.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, began + (doc.visibilityState === 'visible' ? VISIBLE_FRAME_WAIT_MS : HIDDEN_FRAME_WAIT_MS) - performance.now());
    };
    arm();
    doc.addEventListener('visibilitychange', arm, stop);
    signal?.addEventListener('abort', () => finish(), stop);
    requestAnimationFrame(() => setTimeout(finish, 0, true));
  });
}
