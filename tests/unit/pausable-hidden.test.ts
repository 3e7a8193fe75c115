// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileDictionary } from '@/utils/match/dictionary';
import { matchTexts } from '@/utils/match/match-texts';
import { VisibilityJudge } from '@/utils/in-page/visibility';
import { PageStats } from '@/utils/in-page/stats';

// The worker as the content script sees it: a dictionary of one name, and a site paused or not.
const worker = vi.hoisted(() => ({ paused: false, reports: [] as object[] }));
vi.mock('@/utils/in-page/send', () => ({
  sendFromContentScript: (type: string, body: { texts: string[]; entities: { key: string; count: number }[] }) => {
    if (type === 'site.state') return Promise.resolve({ paused: worker.paused });
    if (type === 'page.report') return (worker.reports.push(body), Promise.resolve({}));
    if (type === 'page.match') return matchTexts(compileDictionary([{ text: 'Acme Widgets', entity: 'p:acme' }], 't'), body.texts);
    return Promise.reject(new Error(`unexpected ${type}`));
  },
}));
const { pausableReading } = await import('@/utils/in-page/pausable-reading');

function fakeCtx() {
  const stop = new AbortController();
  const ctx = {
    signal: stop.signal,
    addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn, { signal: stop.signal }),
  } as unknown as ContentScriptContext;
  return { ctx, stop };
}

afterEach(() => vi.restoreAllMocks());

describe('a mention the reader hid, across a pause', () => {
  it('stays hidden after the site is paused and resumed, and comes back on a new route', async () => {
    vi.spyOn(VisibilityJudge.prototype, 'visible').mockReturnValue(true);
    document.body.innerHTML = '<p>Acme Widgets and Acme Widgets</p>';
    const { ctx, stop } = fakeCtx();
    const reading = pausableReading(ctx, new PageStats());
    worker.paused = false;
    await reading.recheck();
    const counts = () => reading.current()?.parts.scanner.counts.get('p:acme');
    expect(counts()).toBe(2);
    const first = [...(reading.current()?.parts.scanner.registry.all ?? [])].find((m) => m.range.startOffset === 0);
    if (!first) throw new Error('no mention');
    reading.current()?.parts.scanner.hide(first);
    expect(counts()).toBe(1);

    worker.paused = true;
    await reading.recheck();
    expect(reading.current()).toBeNull();
    worker.paused = false;
    await reading.recheck();
    expect(counts()).toBe(1);

    // A single-page app's new route is a new page view: the hidden mention comes back.
    // (happy-dom has no Navigation API: the watcher compares the address once a second.)
    history.pushState({}, '', '/next-route');
    await vi.waitFor(() => expect(counts()).toBe(2), { timeout: 3000 });
    stop.abort();
  });
});

describe('a recheck while the page is being read', () => {
  it('reports the page again, so a worker that forgot the tab (delete all my data) knows its address and counts', async () => {
    vi.spyOn(VisibilityJudge.prototype, 'visible').mockReturnValue(true);
    document.body.innerHTML = '<p>Acme Widgets</p>';
    const { ctx, stop } = fakeCtx();
    const reading = pausableReading(ctx, new PageStats());
    worker.paused = false;
    await reading.recheck();
    worker.reports.length = 0;
    await reading.recheck();
    expect(worker.reports).toMatchObject([{ reset: true, entities: [{ key: 'p:acme', count: 1 }], url: location.href }]);
    stop.abort();
  });
});
