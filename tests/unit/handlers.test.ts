import { describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/background/handlers';
import { createTabStateStore } from '@/utils/background/tab-state';
import { createSettingsStore } from '@/utils/background/settings';
import { dispatch } from '@/utils/messaging/server';
import { openBackstoryDB, type DB } from '@/utils/store/db';
import { seedBundledPacks } from '@/utils/store/seed';
import { samplePack } from '../support/packs';

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const page = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/sidepanel.html' };
const content = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4, url: 'https://news.example/a' }, frameId: 0 };

function memoryArea() {
  const m = new Map<string, unknown>();
  return {
    get: async (k: string) => (m.has(k) ? { [k]: m.get(k) } : {}),
    set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => m.set(k, v)),
    remove: async (k: string) => void m.delete(k),
  };
}

let n = 0;
async function setup(wrap?: (db: DB) => DB) {
  const real = await openBackstoryDB(`handlers-${n++}`);
  await seedBundledPacks(real, [samplePack()]);
  const db = wrap ? wrap(real) : real;
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs: createTabStateStore(memoryArea()),
    settings: createSettingsStore(async () => real),
    uiLang: () => 'fr-FR',
    openPanel: async () => 'sidePanel',
  };
  const opened: number[] = [];
  deps.openPanel = async (tabId) => (opened.push(tabId), 'sidePanel');
  const h = createHandlers(deps);
  return { real, deps, opened, call: (msg: unknown, sender: object = page) => dispatch(h, msg, sender, env) };
}

const note = {
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  entityKey: 'test.sample:acme',
  entityName: 'Acme Widgets',
  text: 'a note',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('background handlers', () => {
  it('answers a card in the reader’s language, and a page its counts', async () => {
    const { call } = await setup();
    const card = await call({ type: 'entity.card', key: 'test.sample:acme' }, content);
    expect(card).toMatchObject({ ok: true, data: { name: 'Acme Widgets', summary: 'Un fabricant de gadgets.', lang: 'fr' } });
    await call({ type: 'page.report', entities: [{ key: 'test.sample:acme', count: 3 }], reset: true }, content);
    const st = await call({ type: 'tab.state', tabId: 4 });
    expect(st).toMatchObject({ ok: true, data: { host: 'news.example', entities: [{ key: 'test.sample:acme', count: 3 }] } });
  });

  it('refuses page reports and panel requests from a private window, and records nothing', async () => {
    const { call, deps, opened } = await setup();
    const privateTab = { ...content, tab: { ...content.tab, incognito: true } };
    const report = await call({ type: 'page.report', entities: [{ key: 'test.sample:acme', count: 3 }], reset: true }, privateTab);
    expect(report).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const open = await call({ type: 'panel.open', key: 'test.sample:acme', quote: 'a private sentence' }, privateTab);
    expect(open).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(opened).toEqual([]);
    expect(await deps.tabs.get(4)).toBeNull();
    // The same requests from a normal window go through.
    expect(await call({ type: 'panel.open', key: 'test.sample:acme', quote: 'a sentence' }, content)).toMatchObject({ ok: true });
    expect(opened).toEqual([4]);
    expect((await deps.tabs.get(4))?.quote).toBe('a sentence');
  });

  it('takes the page title from its report, and its address only from its own origin', async () => {
    const { call } = await setup();
    const state = async () => ((await call({ type: 'tab.state', tabId: 4 })) as { data: { url: string; host: string; title: string | null } }).data;
    // The reporting frame loaded /a; the page has since moved to /b with pushState.
    const noTab = { ...content, tab: { id: 4 } };
    await call({ type: 'page.report', entities: [], reset: true, title: '  Acme’s new widget ', url: 'https://news.example/b' }, noTab);
    expect(await state()).toMatchObject({ url: 'https://news.example/b', host: 'news.example', title: 'Acme’s new widget' });
    // Another origin's address is not the page's to claim: the browser's word stands.
    await call({ type: 'page.report', entities: [], reset: true, url: 'https://bank.example/statement' }, noTab);
    expect(await state()).toMatchObject({ url: 'https://news.example/a', host: 'news.example', title: null });
    // Without a claim, the frame's address from the browser, even without a tab URL ("tabs" permission).
    await call({ type: 'page.report', entities: [], reset: false }, noTab);
    expect((await state()).url).toBe('https://news.example/a');
    // A title over the cap fails validation rather than being stored.
    const long = await call({ type: 'page.report', entities: [], reset: false, title: 'x'.repeat(501) }, noTab);
    expect(long).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('pauses one site or every site', async () => {
    const { call } = await setup();
    const state = async () => ((await call({ type: 'site.state' }, content)) as { data: { paused: boolean } }).data.paused;
    expect(await state()).toBe(false);
    await call({ type: 'site.pause', host: 'news.example', paused: true });
    expect(await state()).toBe(true);
    await call({ type: 'site.pause', host: 'news.example', paused: false });
    await call({ type: 'site.pause', host: '*', paused: true });
    expect(await state()).toBe(true);
    await call({ type: 'site.pause', host: '*', paused: false });
    expect(await state()).toBe(false);
  });

  it('turns a full disk into a clear storage error and keeps the store unchanged', async () => {
    const { call, real } = await setup((db) =>
      new Proxy(db, {
        get(t, p, r) {
          if (p === 'transaction')
            return () => {
              throw new DOMException('quota exceeded', 'QuotaExceededError');
            };
          return Reflect.get(t, p, r);
        },
      }),
    );
    const r = await call({ type: 'note.save', note });
    expect(r).toEqual({ ok: false, error: { code: 'storage', message: 'Storage is full: free disk space, then try again. Nothing was changed.' } });
    expect(await real.count('notes')).toBe(0);
  });

  it('refuses a user pack that reuses a bundled pack id, with a reason', async () => {
    const { call } = await setup();
    const r = await call({ type: 'pack.import', text: JSON.stringify(samplePack({ version: '2.0.0' })) });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/bundled pack/) } });
  });

  it('reports every pack error without writing', async () => {
    const { call, real } = await setup();
    const bad = samplePack({ id: 'user.bad' }) as any;
    bad.sources[0].url = 'javascript:alert(1)';
    const r = await call({ type: 'pack.import', text: JSON.stringify(bad) });
    expect(r).toMatchObject({ ok: true, data: { ok: false, errors: [{ path: 'sources[0].url', message: 'must be an http or https URL' }] } });
    expect(await real.get('packs', 'user.bad')).toBeUndefined();
  });
});
