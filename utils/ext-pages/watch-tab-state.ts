import { browser } from 'wxt/browser';

/** The part of `storage.session` this needs: its change event (a fake one in tests). */
export interface SessionChanges {
  onChanged: {
    addListener(fn: (changes: Record<string, unknown>) => void): void;
    removeListener(fn: (changes: Record<string, unknown>) => void): void;
  };
}

/**
 * Call `onChange` each time the worker's record of a tab changes (its content script reported new
 * counts, its focus moved), until `signal` aborts. An extension page waits on this rather than on
 * a timer: after an unmute, the tab re-counts when it will, and the page hears it when it has.
 */
export function watchTabState(tabId: number, onChange: () => void, signal: AbortSignal, area: SessionChanges = browser.storage.session): void {
  if (signal.aborted) return;
  const key = `tab:${tabId}`;
  const listener = (changes: Record<string, unknown>) => {
    if (key in changes) onChange();
  };
  area.onChanged.addListener(listener);
  signal.addEventListener('abort', () => area.onChanged.removeListener(listener), { once: true });
}
