// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardHost } from '@/utils/in-page/card-host';
import { cardUi, provideCardUi } from '@/utils/in-page/card-ui';
import { CARD_UI } from '@/components/card/card-ui';
import type { CardView } from '@/utils/messaging/protocol';

afterEach(() => vi.restoreAllMocks());

function card(signal: AbortSignal) {
  return new CardHost({ signal, loadCard: () => new Promise<CardView>(() => undefined), onOpenPanel: () => undefined });
}

describe('the card on a page', () => {
  it("says so when the card's script has not run, and builds nothing then", async () => {
    delete (globalThis as Record<string, unknown>).__backstoryCardUi;
    expect(() => cardUi()).toThrow("the card's script has not run in this page");
    const c = card(new AbortController().signal);
    await expect(c.show('p:acme', () => new DOMRect(10, 10, 80, 16), { focus: false })).rejects.toThrow("the card's script has not run");
    expect(c.host).toBeNull();
  });

  it('builds nothing, and listens to nothing, until a card is first shown', async () => {
    provideCardUi(CARD_UI);
    const listen = vi.spyOn(window, 'addEventListener');
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const stop = new AbortController();
    const c = card(stop.signal);
    expect(c.host).toBeNull();
    expect(c.contains(document.body)).toBe(false);
    expect(c.hasFocus()).toBe(false);
    c.prefetch('p:acme');
    c.hide();
    expect(c.host).toBeNull();
    expect(attach).not.toHaveBeenCalled();
    expect(listen.mock.calls.map(([type]) => type)).toEqual([]);

    // The first card builds the host (once) and its scroll and resize listeners.
    const at = () => new DOMRect(10, 10, 80, 16);
    void c.show('p:acme', at, { focus: false });
    const host = c.host;
    expect(host).not.toBeNull();
    expect(host?.isConnected).toBe(true);
    expect(c.contains(host)).toBe(true);
    expect(listen.mock.calls.map(([type]) => type).sort()).toEqual(['resize', 'scroll']);
    c.hide();
    void c.show('p:acme', at, { focus: false });
    expect(c.host).toBe(host);
    expect(attach).toHaveBeenCalledTimes(1);
    stop.abort();
    expect(host?.isConnected).toBe(false);
  });
});
