// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageStats } from '@/utils/in-page/stats';
import { provideCardUi } from '@/utils/in-page/card-ui';
import { CARD_UI } from '@/components/card/card-ui';

// The worker as the content script sees it: a card for anything asked.
const asked = vi.hoisted(() => [] as { type: string; body: unknown }[]);
vi.mock('@/utils/in-page/send', () => ({
  sendFromContentScript: (type: string, body: unknown) => {
    asked.push({ type, body });
    if (type === 'entity.card') return Promise.resolve({ key: 'p:acme', name: 'Acme', summary: '', facts: [], sources: [] });
    return Promise.resolve({ entities: [], rows: [], starters: [] });
  },
}));
const { assemblePage } = await import('@/utils/in-page/assemble');

afterEach(() => vi.restoreAllMocks());

describe('the content script’s start-up', () => {
  it('makes no i18n call until a card is shown: a page’s first one waits on the browser process', async () => {
    const i18n = fakeBrowser.i18n as unknown as { getMessage: (n: string) => string; getUILanguage: () => string };
    const getMessage = vi.spyOn(i18n, 'getMessage');
    const getUILanguage = vi.spyOn(i18n, 'getUILanguage');
    document.body.innerHTML = '<p>Acme Widgets</p>';
    // The card's script comes first in a page (document_end): leaving its drawing asks nothing either.
    provideCardUi(CARD_UI);
    const stop = new AbortController();
    const parts = await assemblePage(stop.signal, new PageStats());
    expect(getMessage).not.toHaveBeenCalled();
    expect(getUILanguage).not.toHaveBeenCalled();
    // The first card asks, in the reader's language.
    const p = document.querySelector('p')!;
    await parts.card.show('p:acme', () => p.getBoundingClientRect(), { focus: false });
    expect(getMessage).toHaveBeenCalled();
    parts.card.prefetch('p:acme');
    await vi.waitFor(() => expect(asked.find((a) => a.type === 'entity.card')?.body).toEqual({ key: 'p:acme', lang: 'en-GB' }));
    stop.abort();
  });

  it('logs its two tasks as start-up slices, for the benchmark to tell its long tasks by', async () => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 2));
    const stats = new PageStats();
    const stop = new AbortController();
    await assemblePage(stop.signal, stats);
    expect(stats.slices.slices.map((s) => s.phase)).toEqual(['start', 'start']);
    stop.abort();
  });
});
