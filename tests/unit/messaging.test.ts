import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '@/utils/worker/dispatch';
import { MAX_BLOCK_CHARS, MAX_MATCH_CHARS, MAX_MATCH_TEXTS } from '@/utils/messaging/limits';

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const contentSender = { id: 'ext', url: 'https://news.example/a', origin: 'https://news.example', tab: { id: 7 } };
const pageSender = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html', origin: 'chrome-extension://ext' };

function handlers(): Handlers {
  const fail = () => {
    throw new Error('should not be called');
  };
  return new Proxy({} as Handlers, {
    get: (_t, type: string) =>
      type === 'entity.card'
        ? vi.fn(async ({ key }: { key: string }) => ({ key, name: 'X', kind: 'organization', summary: 's', lang: 'en', facts: [], sources: [], factCount: 0 }))
        : type === 'page.report'
          ? vi.fn(async (_r: unknown, ctx: { tabId?: number }) => ({ tab: ctx.tabId }))
          : fail,
  });
}

describe('message dispatch', () => {
  it('answers a valid message', async () => {
    const r = await dispatch(handlers(), { type: 'entity.card', key: 'p:e' }, contentSender, env);
    expect(r).toMatchObject({ ok: true, data: { key: 'p:e' } });
  });

  it.each([
    [null, 'bad-request'],
    [[1, 2], 'bad-request'],
    ['entity.card', 'bad-request'],
    [{ type: 'nope' }, 'bad-request'],
    [{ type: '__proto__' }, 'bad-request'],
    [{ type: 'entity.card' }, 'bad-request'],
    [{ type: 'entity.card', key: 'p:e', extra: 1 }, 'bad-request'],
    [{ type: 'entity.card', key: 'x'.repeat(10_000) }, 'bad-request'],
    [{ type: 'page.match', texts: [1] }, 'bad-request'],
    [{ type: 'page.match', texts: ['x'.repeat(MAX_BLOCK_CHARS + 1)] }, 'bad-request'],
    [{ type: 'page.match', texts: Array.from({ length: MAX_MATCH_TEXTS + 1 }, () => 'x') }, 'bad-request'],
  ])('refuses %j with %s', async (msg, code) => {
    const r = await dispatch(handlers(), msg, contentSender, env);
    expect(r).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses extension-page messages from web pages, whatever the payload claims', async () => {
    for (const msg of [
      { type: 'notes.list' },
      { type: 'pack.remove', id: 'backstory.surveillance-tech' },
      { type: 'tab.state', tabId: 3 },
      { type: 'note.delete', id: 'abc' },
      { type: 'flags.list' },
      { type: 'flag.save', entityKey: 'p:e', factId: 'f', kind: 'wrong', reason: 'r' },
      { type: 'flag.delete', id: 'p:f' },
    ]) {
      const r = await dispatch(handlers(), msg, contentSender, env);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses other extensions', async () => {
    const r = await dispatch(handlers(), { type: 'entity.card', key: 'p:e' }, { ...pageSender, id: 'evil' }, env);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('takes the tab from the browser-supplied sender, never from the payload', async () => {
    const r = await dispatch(handlers(), { type: 'page.report', entities: [], reset: true }, contentSender, env);
    expect(r).toMatchObject({ ok: true, data: { tab: 7 } });
    const spoof = await dispatch(handlers(), { type: 'page.report', entities: [], reset: true, tabId: 99 }, contentSender, env);
    expect(spoof.ok).toBe(false);
  });
});

describe('a hostile content script', () => {
  it('gets a bad-request, not a throw, for more text than one request may carry, and an answer at the limit', async () => {
    const handlers = { 'page.match': () => ({ entities: [], matches: [], took: { tokenize: 0, match: 0 } }) } as unknown as Handlers;
    const send = (texts: string[]) =>
      dispatch(
        handlers,
        { type: 'page.match', texts },
        { id: 'ext', origin: 'https://evil.example', tab: { id: 1 } },
        { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' },
      );
    const full = Array.from({ length: MAX_MATCH_CHARS / MAX_BLOCK_CHARS }, () => 'x'.repeat(MAX_BLOCK_CHARS));
    expect(await send(full)).toMatchObject({ ok: true });
    expect(await send([...full, 'x'])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('sender tiers', () => {
  it('treats the options page opened in a tab as an extension page, not a web page', async () => {
    const optionsInTab = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/options.html', tab: { id: 9 } };
    const r = await dispatch(handlers(), { type: 'notes.list' }, optionsInTab, env);
    // Reaches the handler (which this test's proxy refuses to run), not the tier check.
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: 'should not be called' } });
  });

  it('does not trust a web page that claims the extension URL in sender.url when the origin says otherwise', async () => {
    const spoof = { id: 'ext', origin: 'https://evil.example', url: 'chrome-extension://ext/options.html', tab: { id: 9 } };
    const r = await dispatch(handlers(), { type: 'notes.list' }, spoof, env);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
