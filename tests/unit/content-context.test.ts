// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/utils/in-page/quiet-context';

// The content script's own context (wxt.config.ts puts it in place of WXT's): a newer copy of the
// script stops the older one through this world's globals, and nothing is said to the page.
describe('content script context', () => {
  it('aborts the older copy when a newer one starts, and tells the page nothing', () => {
    const posted = vi.fn();
    const dispatched = vi.fn();
    window.addEventListener('message', posted);
    const dispatch = vi.spyOn(document, 'dispatchEvent').mockImplementation((e) => (dispatched(e), true));
    const older = new ContentScriptContext('content');
    const onOlderEnd = vi.fn();
    older.onInvalidated(onOlderEnd);
    const newer = new ContentScriptContext('content');
    expect(older.signal.aborted).toBe(true);
    expect(onOlderEnd).toHaveBeenCalledTimes(1);
    expect(newer.signal.aborted).toBe(false);
    expect(dispatched).not.toHaveBeenCalled();
    dispatch.mockRestore();
    window.removeEventListener('message', posted);
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(posted).not.toHaveBeenCalled();
        done();
      }, 20),
    );
  });

  it('ties listeners and timers to its signal', () => {
    vi.useFakeTimers();
    try {
      const ctx = new ContentScriptContext('content');
      const heard = vi.fn();
      const timed = vi.fn();
      ctx.addEventListener(document, 'click', heard);
      ctx.setTimeout(timed, 10);
      document.dispatchEvent(new Event('click'));
      ctx.abort();
      document.dispatchEvent(new Event('click'));
      vi.advanceTimersByTime(20);
      expect(heard).toHaveBeenCalledTimes(1);
      expect(timed).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
