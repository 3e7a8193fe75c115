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

/** How a wait for a frame ended, and how long it took. */
export interface FrameWait {
  painted: boolean;
  ms: number;
}

/**
 * Resolve in a task just after the next frame was painted (so layout is clean). A hidden document
 * waits HIDDEN_FRAME_WAIT_MS at most; a visible one VISIBLE_FRAME_WAIT_MS, or until it is hidden.
 */
export function afterPaint(signal?: AbortSignal, doc: Document = document): Promise<FrameWait> {
  return new Promise<FrameWait>((resolve, reject) => {
    const began = performance.now();
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (painted: boolean) => {
      if (stop.signal.aborted) return;
      stop.abort();
      clearTimeout(timer);
      if (signal?.aborted) reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
      else resolve({ painted, ms: performance.now() - began });
    };
    const limit = () => (doc.visibilityState === 'visible' ? VISIBLE_FRAME_WAIT_MS : HIDDEN_FRAME_WAIT_MS);
    timer = setTimeout(() => finish(false), limit());
    // A tab sent to the background stops painting: from then on, the hidden tab's limit holds.
    doc.addEventListener(
      'visibilitychange',
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(false), Math.max(0, began + limit() - performance.now()));
      },
      { signal: stop.signal },
    );
    signal?.addEventListener('abort', () => finish(false), { signal: stop.signal });
    requestAnimationFrame(() => setTimeout(() => finish(true), 0));
  });
}
