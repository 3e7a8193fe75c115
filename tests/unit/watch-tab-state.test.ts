import { describe, expect, it } from 'vitest';
import { watchTabState, type SessionChanges } from '@/utils/ext-pages/watch-tab-state';

function fakeSession() {
  const listeners = new Set<(changes: Record<string, unknown>) => void>();
  const area: SessionChanges = { onChanged: { addListener: (fn) => void listeners.add(fn), removeListener: (fn) => void listeners.delete(fn) } };
  const change = (changes: Record<string, unknown>) => listeners.forEach((fn) => fn(changes));
  return { area, change, listeners };
}

describe('watching a tab’s state from an extension page', () => {
  it('calls back when that tab’s record changes, not another’s, until the signal aborts', () => {
    const { area, change, listeners } = fakeSession();
    const stop = new AbortController();
    let calls = 0;
    watchTabState(4, () => calls++, stop.signal, area);
    change({ 'tab:14': {} });
    change({ 'card-mutes:4': {} });
    expect(calls).toBe(0);
    change({ 'tab:4': {}, 'tab:5': {} });
    expect(calls).toBe(1);
    stop.abort();
    expect(listeners.size).toBe(0);
    change({ 'tab:4': {} });
    expect(calls).toBe(1);
  });
});
