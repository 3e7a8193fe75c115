import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_FRAME_WAIT_MS, VISIBLE_FRAME_WAIT_MS, afterPaint } from '@/utils/in-page/schedule';

/** A document whose visibility the test sets, and a display whose next frame comes when the test says. */
function fakePage(visibility: DocumentVisibilityState, frameAtMs: number | null) {
  const doc = Object.assign(new EventTarget(), { visibilityState: visibility });
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    if (frameAtMs !== null) setTimeout(() => cb(performance.now()), frameAtMs);
    return 1;
  });
  const hide = () => {
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
  };
  return { doc: doc as unknown as Document, hide };
}

/** What the wait resolved to, or null while it is still waiting. */
function watch(p: Promise<number>) {
  const out: { value: number | null; error: unknown } = { value: null, error: null };
  p.then(
    (v) => (out.value = v),
    (e) => (out.error = e),
  );
  return out;
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('waiting for a frame before reading layout', () => {
  it('waits in a visible tab for a frame that comes late, rather than forcing the page’s layout at 100 ms', async () => {
    const { doc } = fakePage('visible', 300);
    const w = watch(afterPaint(undefined, doc));
    await vi.advanceTimersByTimeAsync(HIDDEN_FRAME_WAIT_MS + 50);
    expect(w.value).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    // The frame at 300 ms, and the task just after it.
    expect(w.value).toBeGreaterThanOrEqual(300);
    expect(w.value).toBeLessThan(HIDDEN_FRAME_WAIT_MS + 250);
  });

  it('gives up in a visible tab whose frames stop, at its longer limit', async () => {
    const { doc } = fakePage('visible', null);
    const w = watch(afterPaint(undefined, doc));
    await vi.advanceTimersByTimeAsync(VISIBLE_FRAME_WAIT_MS - 1);
    expect(w.value).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(w.value).toBe(-1);
  });

  it('waits only the short limit in a hidden tab, which paints nothing', async () => {
    const { doc } = fakePage('hidden', null);
    const w = watch(afterPaint(undefined, doc));
    await vi.advanceTimersByTimeAsync(HIDDEN_FRAME_WAIT_MS);
    expect(w.value).toBe(-1);
  });

  it('holds a tab sent to the background to the short limit, counted from the start', async () => {
    const { doc, hide } = fakePage('visible', null);
    const w = watch(afterPaint(undefined, doc));
    await vi.advanceTimersByTimeAsync(40);
    hide();
    await vi.advanceTimersByTimeAsync(HIDDEN_FRAME_WAIT_MS - 40);
    expect(w.value).toBe(-1);
    // Hidden after the short limit has passed: it ends at once.
    const page = fakePage('visible', null);
    const late = watch(afterPaint(undefined, page.doc));
    await vi.advanceTimersByTimeAsync(HIDDEN_FRAME_WAIT_MS + 50);
    expect(late.value).toBeNull();
    page.hide();
    await vi.advanceTimersByTimeAsync(0);
    expect(late.value).toBe(-1);
  });

  it('stops waiting when the scan is aborted, with the abort’s reason', async () => {
    const { doc } = fakePage('visible', null);
    const abort = new AbortController();
    const w = watch(afterPaint(abort.signal, doc));
    abort.abort(new Error('page left'));
    await vi.advanceTimersByTimeAsync(0);
    expect((w.error as Error).message).toBe('page left');
  });
});
