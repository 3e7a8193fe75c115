// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { topPageSettled } from '@/utils/in-page/start-up';

/** A frame's window whose top page has loaded (readyState complete) and paints no frame, as in a hidden tab. */
function frameOfHiddenTab() {
  const top = { document: { readyState: 'complete' }, requestAnimationFrame: () => 0, addEventListener: () => undefined };
  return { top, document: Object.assign(new EventTarget(), { visibilityState: 'hidden' }) } as unknown as Window;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a frame waiting for its top page', () => {
  it('starts in a hidden tab too, where no animation frame ever comes', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    let settled = false;
    void topPageSettled(new AbortController().signal, frameOfHiddenTab()).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(150);
    expect(settled).toBe(true);
  });

  it('does not wait at all in the top frame', async () => {
    await expect(topPageSettled(new AbortController().signal)).resolves.toBeUndefined();
  });
});
