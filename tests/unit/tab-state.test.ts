import { describe, expect, it } from 'vitest';
import { createTabStateStore } from '@/utils/worker/tab-state';

function area() {
  const m = new Map<string, unknown>();
  return {
    get: async (k: string) => (m.has(k) ? { [k]: structuredClone(m.get(k)) } : {}),
    set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => m.set(k, structuredClone(v))),
    remove: async (k: string) => void m.delete(k),
  };
}

describe('per-tab state', () => {
  it('sums frames, replaces a frame by its new snapshot, and resets on a new page', async () => {
    const tabs = createTabStateStore(area());
    await Promise.all([
      tabs.report(1, { url: 'https://a.example/', entities: [{ key: 'p:x', count: 2 }], reset: true, frameId: 0 }),
      tabs.report(1, {
        url: 'https://a.example/',
        entities: [
          { key: 'p:x', count: 1 },
          { key: 'p:y', count: 4 },
        ],
        reset: false,
        frameId: 7,
      }),
    ]);
    expect((await tabs.get(1))?.counts).toEqual({ 'p:x': 3, 'p:y': 4 });
    await tabs.report(1, { url: 'https://a.example/', entities: [{ key: 'p:x', count: 5 }], reset: false, frameId: 0 });
    expect((await tabs.get(1))?.counts).toEqual({ 'p:x': 6, 'p:y': 4 });
    await tabs.setFocus(1, 'p:y', 'a quote');
    await tabs.report(1, { url: 'https://b.example/', entities: [], reset: true, frameId: 0 });
    const st = await tabs.get(1);
    expect(st?.counts).toEqual({});
    expect(st?.url).toBe('https://b.example/');
    await tabs.clear(1);
    expect(await tabs.get(1)).toBeNull();
  });

  it('keeps the top frame’s title, never a subframe’s, and forgets it with a new page', async () => {
    const tabs = createTabStateStore(area());
    await tabs.report(2, { url: 'https://a.example/story', title: 'The story', entities: [], reset: true, frameId: 0 });
    await tabs.report(2, { url: 'https://ads.example/frame', title: 'An advert', entities: [], reset: true, frameId: 3 });
    expect(await tabs.get(2)).toMatchObject({ url: 'https://a.example/story', title: 'The story' });
    await tabs.report(2, { url: 'https://a.example/next', entities: [], reset: true, frameId: 0 });
    expect(await tabs.get(2)).toMatchObject({ url: 'https://a.example/next', title: null });
  });
});

describe('per-tab state when a frame reports before its top frame', () => {
  it('keeps the new page’s frames through the top frame’s reset, and drops the old page’s', async () => {
    const tabs = createTabStateStore(area());
    const x = (count: number) => [{ key: 'p:x', count }];
    await tabs.report(3, { url: 'https://a.example/', entities: x(1), reset: true, frameId: 0, page: 100 });
    await tabs.report(3, { url: 'https://a.example/', entities: x(2), reset: true, frameId: 4, page: 100 });
    // The next page: its frame's scan finishes first, then the top frame starts the tab over.
    await tabs.report(3, { url: 'https://a.example/next', entities: x(10), reset: true, frameId: 9, page: 200 });
    await tabs.report(3, { url: 'https://a.example/next', entities: x(1), reset: true, frameId: 0, page: 200 });
    const st = await tabs.get(3);
    expect(st?.counts).toEqual({ 'p:x': 11 });
    expect(Object.keys(st?.frames ?? {}).sort()).toEqual(['0', '9']);
    // A top frame that gives no page (an older content script) starts over as before.
    await tabs.report(3, { url: 'https://a.example/last', entities: [], reset: true, frameId: 0 });
    expect((await tabs.get(3))?.counts).toEqual({});
  });
});

describe('per-tab state with entity keys named like Object.prototype members', () => {
  it('counts them as numbers, per frame and summed', async () => {
    const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const tabs = createTabStateStore(area());
    await tabs.report(1, { url: 'https://a.example/', entities: keys.map((key) => ({ key, count: 2 })), reset: true, frameId: 0 });
    await tabs.report(1, { url: 'https://a.example/', entities: keys.map((key) => ({ key, count: 3 })), reset: false, frameId: 5 });
    const st = await tabs.get(1);
    for (const key of keys) {
      expect(Object.hasOwn(st!.counts, key), key).toBe(true);
      expect(st!.counts[key], key).toBe(5);
      expect(st!.frames['5']?.[key], key).toBe(3);
    }
    expect(Object.keys(st!.counts).sort()).toEqual([...keys].sort());
  });
});
