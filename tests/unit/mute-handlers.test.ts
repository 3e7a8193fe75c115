import { describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/worker/handlers';
import { MUTE_FROM_CARD_INTERVAL_MS } from '@/utils/worker/handlers-for-web-pages';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { memoryArea } from '@/utils/worker/card-mutes';
import { dispatch } from '@/utils/worker/dispatch';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import type { EntityMuteChange } from '@/utils/messaging/tab-protocol';
import { samplePack } from '../support/packs';

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const extensionPage = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/sidepanel.html' };
const tabOn = (tabId: number, url: string, over: object = {}) => ({
  id: 'ext',
  origin: new URL(url).origin,
  url,
  tab: { id: tabId, url },
  frameId: 0,
  ...over,
});
const news = tabOn(4, 'https://news.example/a');
const news2 = tabOn(6, 'https://news.example/b');
const other = tabOn(5, 'https://other.example/x');
const ACME = 'test.sample:acme';

let n = 0;
async function setup() {
  const db = await openBackstoryDB(`mute-handlers-${n++}`);
  await seedBundledPacks(db, [samplePack()]);
  let now = 1_000_000;
  const told: [number, EntityMuteChange][] = [];
  const tabs = createTabStateStore(memoryArea());
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs,
    // As the worker's: "delete all my data" forgets every tab's state, its address included.
    clearTabs: async () => void (await Promise.all([4, 5, 6, 7].map((id) => tabs.clear(id)))),
    settings: createSettingsStore(async () => db),
    browserLang: () => 'en',
    openSidePanelForTab: async () => 'sidePanel',
    cardMutes: undefined,
    openTabIds: async () => [4, 5, 6, 7, 8],
    tellTab: async (tabId, change) => void told.push([tabId, change]),
    now: () => now,
  };
  const h = createHandlers(deps);
  const call = (msg: unknown, sender: object = extensionPage) => dispatch(h, msg, sender, env);
  // The worker knows a tab's site from its content script's report; tab 7 never reported.
  for (const t of [news, news2, other]) await call({ type: 'page.report', entities: [{ key: ACME, count: 2 }], reset: true }, t);
  return { db, call, told, later: (ms: number) => (now += ms) };
}

const lookupFrom = async (call: Awaited<ReturnType<typeof setup>>['call'], sender: object) =>
  ((await call({ type: 'page.match', texts: ['Acme Widgets'] }, sender)) as { data: { entities: string[]; muted?: string[] } }).data;

describe('mutes from the card (content tier)', () => {
  it('mutes on the sender tab’s own site, never one named in the body', async () => {
    const { call } = await setup();
    const forged = await call({ type: 'mute.fromCard', key: ACME, scope: 'site', host: 'other.example' }, news);
    expect(forged).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, news)).toEqual({ ok: true, data: {} });
    const list = (await call({ type: 'mutes.list' })) as { data: { mutes: { host?: string; scope: string; entityName: string }[] } };
    expect(list.data.mutes).toMatchObject([{ host: 'news.example', scope: 'site', entityName: 'Acme Widgets' }]);
  });

  it('tells the page through its matches only on the muted site, and only for the entities found in its text', async () => {
    const { call } = await setup();
    expect((await lookupFrom(call, news)).muted).toBeUndefined();
    await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, news);
    expect(await lookupFrom(call, news)).toMatchObject({ entities: [ACME], muted: [ACME] });
    expect((await lookupFrom(call, other)).muted).toBeUndefined();
    // A page whose words name nothing learns nothing of the mutes.
    const none = (await call({ type: 'page.match', texts: ['nothing here'] }, news)) as { data: object };
    expect(none.data).not.toHaveProperty('muted');
  });

  it('tells every open tab of the site at once, and no tab of another site', async () => {
    const { call, told } = await setup();
    await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, news);
    expect(told.sort((a, b) => a[0] - b[0])).toEqual([
      [4, { key: ACME, muted: true }],
      [6, { key: ACME, muted: true }],
    ]);
  });

  it('reaches a tab that asked for matches but has not reported yet', async () => {
    const { call, told } = await setup();
    const early = tabOn(7, 'https://late.example/a');
    await lookupFrom(call, early);
    // A private window's lookup teaches the worker nothing of it.
    await lookupFrom(call, tabOn(8, 'https://late.example/b', { tab: { id: 8, url: 'https://late.example/b', incognito: true } }));
    await call({ type: 'mute.add', key: ACME, scope: 'site', host: 'late.example' });
    expect(told).toEqual([[7, { key: ACME, muted: true }]]);
  });

  it('accepts at most one mute a second from a tab', async () => {
    const { call, later } = await setup();
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, news)).toMatchObject({ ok: true });
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'everywhere' }, news)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Another tab has its own budget.
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, other)).toMatchObject({ ok: true });
    later(MUTE_FROM_CARD_INTERVAL_MS);
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'everywhere' }, news)).toMatchObject({ ok: true });
  });

  it('undoes only a mute this tab’s card made, and says whether another mute still holds', async () => {
    const { call, told, later } = await setup();
    await call({ type: 'mute.fromCard', key: ACME, scope: 'everywhere' }, other);
    later(MUTE_FROM_CARD_INTERVAL_MS);
    await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, news);
    // Tab 6 shows the same site, but its card did not make the mute; nor did tab 4 make the everywhere one.
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'site' }, news2)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'everywhere' }, news)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    told.length = 0;
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'site' }, news)).toEqual({ ok: true, data: { muted: true } });
    expect(told.map(([t]) => t).sort()).toEqual([4, 6]);
    expect(told.every(([, c]) => c.muted)).toBe(true);
    // Once undone, not again.
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'site' }, news)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'everywhere' }, other)).toEqual({ ok: true, data: { muted: false } });
    expect((await lookupFrom(call, news)).muted).toBeUndefined();
  });

  it('cannot lift a mute the reader made elsewhere by muting it again from a card and undoing', async () => {
    const { call, later } = await setup();
    await call({ type: 'mute.add', key: ACME, scope: 'everywhere' });
    await call({ type: 'mute.add', key: ACME, scope: 'site', host: 'news.example' });
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'everywhere' }, news)).toEqual({ ok: true, data: {} });
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'everywhere' }, news)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    later(MUTE_FROM_CARD_INTERVAL_MS);
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, news)).toEqual({ ok: true, data: {} });
    expect(await call({ type: 'mute.undoFromCard', key: ACME, scope: 'site' }, news)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = (await call({ type: 'mutes.list' })) as { data: { mutes: { id: string }[] } };
    expect(list.data.mutes.map((m) => m.id).sort()).toEqual([`*|${ACME}`, `news.example|${ACME}`]);
  });

  it('refuses a private window, a page without a site, and an entity no card shows (a discreet pack’s)', async () => {
    const { call } = await setup();
    const privateTab = tabOn(9, 'https://news.example/a', { tab: { id: 9, url: 'https://news.example/a', incognito: true } });
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, privateTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fileTab = tabOn(10, 'file:///home/me/a.html');
    expect(await call({ type: 'mute.fromCard', key: ACME, scope: 'site' }, fileTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call({ type: 'pack.import', text: JSON.stringify(samplePack({ id: 'user.secret' })) });
    expect(await call({ type: 'mute.fromCard', key: 'user.secret:acme', scope: 'site' }, news)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call({ type: 'mutes.list' })) as object).toMatchObject({ data: { mutes: [] } });
  });

  it('keeps listing, adding and removing mutes to the extension’s own pages', async () => {
    const { call } = await setup();
    for (const msg of [{ type: 'mutes.list' }, { type: 'mute.add', key: ACME, scope: 'everywhere' }, { type: 'mute.remove', id: `*|${ACME}` }])
      expect(await call(msg, news)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('mutes from the extension pages', () => {
  it('mutes on a site or everywhere, lists what applies to a site, and drops a muted entity from the tab’s list', async () => {
    const { call, told } = await setup();
    expect(await call({ type: 'mute.add', key: ACME, scope: 'site' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call({ type: 'mute.add', key: 'test.sample:nobody', scope: 'everywhere' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const added = (await call({ type: 'mute.add', key: ACME, scope: 'site', host: 'news.example' })) as { data: { mute: { id: string } } };
    expect(added.data.mute.id).toBe(`news.example|${ACME}`);
    expect(await call({ type: 'tab.state', tabId: 4 })).toMatchObject({ ok: true, data: { entities: [] } });
    expect(await call({ type: 'tab.state', tabId: 5 })).toMatchObject({ ok: true, data: { entities: [{ key: ACME, count: 2 }] } });
    expect(await call({ type: 'mutes.list', host: 'news.example' })).toMatchObject({ data: { mutes: [{ scope: 'site' }] } });
    expect(await call({ type: 'mutes.list', host: 'other.example' })).toMatchObject({ data: { mutes: [] } });

    told.length = 0;
    await call({ type: 'mute.add', key: ACME, scope: 'everywhere' });
    expect(told.map(([t]) => t).sort()).toEqual([4, 5, 6]);
    expect(await call({ type: 'mutes.list', host: 'other.example' })).toMatchObject({ data: { mutes: [{ scope: 'everywhere' }] } });

    told.length = 0;
    expect(await call({ type: 'mute.remove', id: `*|${ACME}` })).toEqual({ ok: true, data: {} });
    // news.example keeps its own mute: its tabs are told the entity is still muted there.
    expect(told.sort((a, b) => a[0] - b[0])).toEqual([
      [4, { key: ACME, muted: true }],
      [5, { key: ACME, muted: false }],
      [6, { key: ACME, muted: true }],
    ]);
  });

  it('"delete all my data" removes the mutes, and matches stop saying muted', async () => {
    const { call } = await setup();
    await call({ type: 'mute.add', key: ACME, scope: 'everywhere' });
    expect((await lookupFrom(call, other)).muted).toEqual([ACME]);
    expect(await call({ type: 'data.deleteAll', confirm: 'delete' })).toMatchObject({ ok: true });
    expect(await call({ type: 'mutes.list' })).toMatchObject({ data: { mutes: [], unreadable: 0 } });
    expect((await lookupFrom(call, other)).muted).toBeUndefined();
  });

  it('"delete all my data" tells the open tabs that hid a muted name to show it again', async () => {
    const { call, told } = await setup();
    await call({ type: 'mute.add', key: ACME, scope: 'everywhere' });
    await call({ type: 'mute.add', key: ACME, scope: 'site', host: 'news.example' });
    told.length = 0;
    expect(await call({ type: 'data.deleteAll', confirm: 'delete' })).toMatchObject({ ok: true });
    expect(told.length).toBeGreaterThan(0);
    expect(new Set(told.map(([t]) => t))).toEqual(new Set([4, 5, 6]));
    expect(told.every(([, c]) => c.key === ACME && !c.muted)).toBe(true);
  });
});
