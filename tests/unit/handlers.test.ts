import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlerGroups, createHandlers, PANEL_OPEN_INTERVAL_MS, type BackgroundDeps } from '@/utils/worker/handlers';
import { protocol } from '@/utils/messaging/protocol';
import { FLAG_DISCREET } from '@/utils/match/dictionary';
import { MATCH_FIELDS } from '@/utils/messaging/limits';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { DatabaseBlockedError, openBackstoryDB, type DB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { samplePack, sampleNote } from '../support/packs';
import { memoryArea } from '../support/memory-area';

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const page = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/sidepanel.html' };
const content = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4, url: 'https://news.example/a' }, frameId: 0 };

let n = 0;
async function setup(wrap?: (db: DB) => DB, extra: Partial<BackgroundDeps> = {}) {
  const real = await openBackstoryDB(`handlers-${n++}`);
  await seedBundledPacks(real, [samplePack()]);
  const db = wrap ? wrap(real) : real;
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs: createTabStateStore(memoryArea()),
    settings: createSettingsStore(async () => real),
    browserLang: () => 'fr-FR',
    openSidePanelForTab: async () => 'sidePanel',
    ...extra,
  };
  const opened: number[] = [];
  const open = deps.openSidePanelForTab;
  deps.openSidePanelForTab = (tabId) => (opened.push(tabId), open(tabId));
  const h = createHandlers(deps);
  return { real, deps, opened, call: (msg: unknown, sender: object = page) => dispatch(h, msg, sender, env) };
}

const note = sampleNote;

describe('background handlers', () => {
  it('serves web pages only from handlers-for-web-pages.ts: exactly the protocol’s content tier, every other message from the extension-page groups', async () => {
    const { deps } = await setup();
    const { forWebPages, forExtensionPages } = createHandlerGroups(deps);
    const tier = (t: 'content' | 'extension') =>
      Object.entries(protocol)
        .filter(([, def]) => def.tier === t)
        .map(([type]) => type)
        .sort();
    expect(Object.keys(forWebPages).sort()).toEqual(tier('content'));
    expect(Object.keys(forExtensionPages).sort()).toEqual(tier('extension'));
    expect(Object.keys(createHandlers(deps)).sort()).toEqual(Object.keys(protocol).sort());
    // The README's module table says how many messages a page can send: it follows the tier.
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const says = `\`handlers-for-web-pages.ts\` (the ${words[tier('content').length]} messages a web page can send`;
    expect(readme.includes(says), says).toBe(true);
  });

  it('answers a card in the reader’s language, and a page its counts', async () => {
    const { call } = await setup();
    const card = await call({ type: 'entity.card', key: 'test.sample:acme' }, content);
    expect(card).toMatchObject({ ok: true, data: { name: 'Acme Widgets', summary: 'Un fabricant de gadgets.', lang: 'fr' } });
    await call({ type: 'page.report', entities: [{ key: 'test.sample:acme', count: 3 }], reset: true }, content);
    const st = await call({ type: 'tab.state', tabId: 4 });
    expect(st).toMatchObject({ ok: true, data: { host: 'news.example', entities: [{ key: 'test.sample:acme', count: 3 }] } });
  });

  it('keeps the tab’s URL without its secrets, and counts the notes written on it', async () => {
    const { call } = await setup();
    const secret = 'https://news.example/a?id=7&session=0123456789abcdef0123#reply';
    const tab = { ...content, url: secret, tab: { id: 4, url: secret } };
    await call({ type: 'page.report', entities: [], reset: true }, tab);
    await call({ type: 'note.save', note: { ...note, pageUrl: secret } });
    const st = await call({ type: 'tab.state', tabId: 4 });
    expect(st).toMatchObject({ ok: true, data: { url: 'https://news.example/a?id=7', notesOnPage: 1 } });
  });

  it('finds nothing of a disabled pack: no card, sheet, page entity or dictionary row', async () => {
    const { call } = await setup();
    await call({ type: 'page.report', entities: [{ key: 'test.sample:acme', count: 3 }], reset: true }, content);
    const lookup = () => call({ type: 'page.match', texts: ['Acme Widgets'] }, content);
    expect(await lookup()).toMatchObject({ ok: true, data: { entities: ['test.sample:acme'] } });

    expect(await call({ type: 'pack.enable', id: 'test.sample', enabled: false })).toMatchObject({ ok: true });
    const notFound = { ok: false, error: { code: 'not-found' } };
    expect(await call({ type: 'entity.card', key: 'test.sample:acme' }, content)).toMatchObject(notFound);
    expect(await call({ type: 'entity.sheet', key: 'test.sample:acme' })).toMatchObject(notFound);
    expect(await call({ type: 'tab.state', tabId: 4 })).toMatchObject({ ok: true, data: { entities: [] } });
    expect(await lookup()).toMatchObject({ ok: true, data: { entities: [], matches: [] } });

    await call({ type: 'pack.enable', id: 'test.sample', enabled: true });
    expect(await call({ type: 'entity.card', key: 'test.sample:acme' }, content)).toMatchObject({ ok: true });
  });

  it('imports a pack as discreet by default: flagged for the page, no card there, whole in the side panel', async () => {
    const { call } = await setup();
    const secret = samplePack({ id: 'user.secret', name: 'My research' });
    expect(await call({ type: 'pack.import', text: JSON.stringify(secret) })).toMatchObject({ ok: true, data: { ok: true, outcome: 'installed' } });
    const listed = (await call({ type: 'packs.list' })) as { data: { packs: { id: string; discreet: boolean }[] } };
    expect(Object.fromEntries(listed.data.packs.map((p) => [p.id, p.discreet]))).toEqual({ 'test.sample': false, 'user.secret': true });

    const flagsOf = async () => {
      const r = (await call({ type: 'page.match', texts: ['Acme Widgets'] }, content)) as { data: { entities: string[]; matches: number[] } };
      const out: Record<string, number> = {};
      const { entities, matches } = r.data;
      for (let i = 0; i < matches.length; i += MATCH_FIELDS) {
        const [, , , entity = -1, flags = 0] = matches.slice(i, i + MATCH_FIELDS);
        // A row naming no entity shows up as its own key, and the comparison below fails on it.
        out[entities[entity] ?? `no entity ${entity}`] = flags & FLAG_DISCREET;
      }
      return out;
    };
    expect(await flagsOf()).toEqual({ 'test.sample:acme': 0 });
    // Both packs name "Acme Widgets": one mention takes one entity. With the bundled one off, the secret one's shows.
    await call({ type: 'pack.enable', id: 'test.sample', enabled: false });
    expect(await flagsOf()).toEqual({ 'user.secret:acme': FLAG_DISCREET });
    expect(await call({ type: 'entity.card', key: 'user.secret:acme' }, content)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call({ type: 'entity.sheet', key: 'user.secret:acme' })).toMatchObject({ ok: true, data: { name: 'Acme Widgets' } });

    expect(await call({ type: 'pack.discreet', id: 'user.secret', discreet: false })).toMatchObject({ ok: true });
    expect(await flagsOf()).toEqual({ 'user.secret:acme': 0 });
    expect(await call({ type: 'entity.card', key: 'user.secret:acme' }, content)).toMatchObject({ ok: true });
    // Only extension pages may change it.
    expect(await call({ type: 'pack.discreet', id: 'user.secret', discreet: true }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('records the panel focus only once the panel opened, and at most once a second per tab', async () => {
    let refuse = true;
    let clock = 10_000;
    const { call } = await setup(undefined, {
      openSidePanelForTab: () =>
        refuse ? Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.')) : Promise.resolve('sidePanel'),
      now: () => clock,
    });
    expect(await call({ type: 'panel.open', key: 'test.sample:acme' }, content)).toMatchObject({ ok: false });
    expect(await call({ type: 'tab.state', tabId: 4 })).toMatchObject({ ok: true, data: { focus: null } });
    refuse = false;
    clock += 100;
    expect(await call({ type: 'panel.open', key: 'test.sample:acme' }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    clock += PANEL_OPEN_INTERVAL_MS;
    expect(await call({ type: 'panel.open', key: 'test.sample:acme' }, content)).toMatchObject({ ok: true, data: { opened: true } });
    expect(await call({ type: 'tab.state', tabId: 4 })).toMatchObject({ ok: true, data: { focus: 'test.sample:acme' } });
  });

  it('answers a card and a sheet with the pack’s own strings when asked for lang "constructor", "__proto__" or "toString"', async () => {
    const { call } = await setup();
    for (const lang of ['constructor', '__proto__', 'toString']) {
      for (const type of ['entity.card', 'entity.sheet']) {
        const r = (await call({ type, key: 'test.sample:acme', lang }, type === 'entity.card' ? content : page)) as {
          ok: boolean;
          data: { summary: unknown; facts: { text: unknown }[] };
        };
        expect(r.ok, `${type} ${lang}`).toBe(true);
        expect(r.data.summary, `${type} ${lang}`).toBe('A maker of widgets.');
        expect(
          r.data.facts.map((f) => f.text),
          `${type} ${lang}`,
        ).toEqual(['Founded in 1990.']);
      }
    }
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

  it('applies a pause to the open tabs before answering, and a paused tab lists no entities', async () => {
    const order: string[] = [];
    const { call } = await setup(undefined, {
      applyPause: async (waitFor) => void order.push(`tabs rechecked, tab ${waitFor} waited for`),
    });
    await call({ type: 'page.report', entities: [{ key: 'test.sample:acme', count: 3 }], reset: true }, content);
    await call({ type: 'site.pause', host: 'news.example', paused: true, tabId: 4 }).then(() => order.push('answered'));
    expect(order).toEqual(['tabs rechecked, tab 4 waited for', 'answered']);
    // Stale counts (the tab has not reported its empty ones yet) are not shown.
    expect(await call({ type: 'tab.state', tabId: 4 })).toMatchObject({ ok: true, data: { paused: true, entities: [] } });
    await call({ type: 'site.pause', host: 'news.example', paused: false });
    expect(await call({ type: 'tab.state', tabId: 4 })).toMatchObject({ ok: true, data: { paused: false, entities: [{ count: 3 }] } });
    expect(order).toHaveLength(3);
    // Deleting all data forgets the paused sites: their tabs read again.
    await call({ type: 'data.deleteAll', confirm: 'delete' });
    expect(order).toHaveLength(4);
  });

  it('sets the toolbar badge of the asking tab from its top frame only, and answers even if that fails', async () => {
    const shown: [number, boolean][] = [];
    const { call } = await setup(undefined, {
      showPaused: async (tabId, paused) => {
        shown.push([tabId, paused]);
        if (tabId === 5) throw new Error('no such tab');
      },
    });
    await call({ type: 'site.pause', host: 'news.example', paused: true });
    expect(await call({ type: 'site.state' }, content)).toEqual({ ok: true, data: { paused: true } });
    await call({ type: 'site.state' }, { ...content, frameId: 3, url: 'https://ads.example/frame' });
    expect(shown).toEqual([[4, true]]);
    expect(await call({ type: 'site.state' }, { ...content, tab: { id: 5, url: content.url } })).toEqual({ ok: true, data: { paused: true } });
  });

  it('turns a full disk into a clear storage error and keeps the store unchanged', async () => {
    const { call, real } = await setup(
      (db) =>
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

  it('answers with a clear storage error while another page blocks the database upgrade', async () => {
    const { call } = await setup(undefined, { db: () => Promise.reject(new DatabaseBlockedError()) });
    const r = await call({ type: 'notes.list' });
    expect(r).toEqual({ ok: false, error: { code: 'storage', message: new DatabaseBlockedError().message } });
  });

  it('shows unreadable note rows as stored and deletes them on request, keeping readable notes', async () => {
    const { call, real } = await setup();
    await call({ type: 'note.save', note });
    const broken = { id: 'broken-row-1', entityKey: 'x', text: 42 };
    await real.put('notes', broken as never);
    expect(await call({ type: 'notes.list' })).toMatchObject({ ok: true, data: { quarantined: 1 } });
    expect(await call({ type: 'notes.quarantined' })).toEqual({ ok: true, data: { rows: [broken] } });

    expect(await call({ type: 'notes.quarantined.delete', count: 2 })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/nothing was deleted/) },
    });
    expect(await call({ type: 'notes.quarantined.delete', count: 1 })).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await call({ type: 'notes.list' })).toMatchObject({ ok: true, data: { notes: [{ id: note.id }], quarantined: 0 } });
    expect(await call({ type: 'notes.quarantined' })).toEqual({ ok: true, data: { rows: [] } });
  });

  it('saves a note without the invisible or bidi controls a page put in its quote and title', async () => {
    const { call, real } = await setup();
    const r = await call({ type: 'note.save', note: { ...note, quote: 'Acme\u202Eemca', pageTitle: 'Acme\u200B news' } });
    expect(r).toMatchObject({ ok: true, data: { note: { quote: 'Acmeemca', pageTitle: 'Acme news' } } });
    expect(await real.get('notes', note.id)).toMatchObject({ quote: 'Acmeemca', pageTitle: 'Acme news' });
  });

  it('refuses a user pack that reuses a bundled pack id, with a reason', async () => {
    const { call } = await setup();
    const r = await call({ type: 'pack.import', text: JSON.stringify(samplePack({ version: '2.0.0' })) });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/bundled pack/) } });
  });

  it('lists the packs with the reason the bundled ones may be missing', async () => {
    const { call } = await setup(undefined, { seedProblem: () => 'The bundled packs could not be installed (Storage is full).' });
    const r = await call({ type: 'packs.list' });
    expect(r).toMatchObject({ ok: true, data: { packs: [{ id: 'test.sample' }], seedProblem: 'The bundled packs could not be installed (Storage is full).' } });
  });

  it('refuses an older version of an installed pack, in the preview already, and keeps the installed one', async () => {
    const { call, real } = await setup();
    const pack = (version: string) => JSON.stringify(samplePack({ id: 'user.pack', version }));
    await call({ type: 'pack.import', text: pack('1.2.0') });
    const reason = 'Version 1.0.0 is older than the installed 1.2.0: remove the installed pack first to go back to it.';
    expect(await call({ type: 'pack.preview', text: pack('1.0.0') })).toEqual({
      ok: true,
      data: { ok: false, summary: reason, errors: [{ path: 'version', message: reason }] },
    });
    expect(await call({ type: 'pack.import', text: pack('1.0.0') })).toEqual({ ok: false, error: { code: 'bad-request', message: reason } });
    expect((await real.get('packs', 'user.pack'))?.version).toBe('1.2.0');
    expect(await call({ type: 'pack.preview', text: pack('1.3.0') })).toMatchObject({
      ok: true,
      data: { ok: true, preview: { outcome: 'updated', installedVersion: '1.2.0' } },
    });
    expect(await call({ type: 'pack.preview', text: pack('1.2.0') })).toMatchObject({ ok: true, data: { ok: true, preview: { outcome: 'unchanged' } } });
  });

  it('shows in the preview that a pack takes a bundled pack’s id', async () => {
    const { call } = await setup();
    const r = await call({ type: 'pack.preview', text: JSON.stringify(samplePack({ version: '2.0.0' })) });
    expect(r).toMatchObject({ ok: true, data: { ok: false, errors: [{ path: 'id', message: expect.stringMatching(/bundled pack/) }] } });
  });

  it('reports every pack error without writing', async () => {
    const { call, real } = await setup();
    const bad = samplePack({ id: 'user.bad' }) as any;
    bad.sources[0].url = 'javascript:alert(1)';
    const r = await call({ type: 'pack.import', text: JSON.stringify(bad) });
    expect(r).toMatchObject({ ok: true, data: { ok: false, errors: [{ path: 'sources[0].url', message: 'must be an http or https URL' }] } });
    expect(await real.get('packs', 'user.bad')).toBeUndefined();
  });

  it('previews a pack of 30,000 empty entities as a capped list of problems, not an internal error', async () => {
    const { call } = await setup();
    const text = JSON.stringify(samplePack({ id: 'user.huge', entities: Array.from({ length: 30_000 }, () => ({}) as never) }));
    const r = (await call({ type: 'pack.preview', text })) as { ok: boolean; data: { ok: boolean; errors: { path: string }[] } };
    expect(r.ok).toBe(true);
    expect(r.data.ok).toBe(false);
    expect(r.data.errors[0]?.path).toBe('entities[0].id');
    expect(r.data.errors.length).toBeLessThanOrEqual(201);
  });

  it('explains a notes backup with 30,000 bad notes as a validation error, not bad JSON', async () => {
    const { call } = await setup();
    const notes = Array.from({ length: 30_000 }, () => ({}));
    const r = await call({
      type: 'notes.import',
      text: JSON.stringify({ format: 'backstory-notes', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', notes }),
    });
    expect(r).toMatchObject({
      ok: true,
      data: { ok: false, imported: 0, error: expect.stringMatching(/^Not restored: this notes export is damaged \(notes\[0\]\.id: /) },
    });
    expect((r as { data: { error: string } }).data.error).not.toMatch(/JSON/);
  });

  it('saves a flag with the pack, entity and fact text from the store, in the language the sheet showed', async () => {
    const { call, real } = await setup(undefined, { now: () => Date.parse('2026-11-02T09:00:00.000Z') });
    const save = (over: object = {}) =>
      call({ type: 'flag.save', entityKey: 'test.sample:acme', factId: 'acme.founded', kind: 'wrong', reason: ' The registry says 1991. ', ...over });
    expect(await save()).toEqual({
      ok: true,
      data: {
        flag: {
          id: 'test.sample:acme.founded',
          packId: 'test.sample',
          packVersion: '1.0.0',
          entityKey: 'test.sample:acme',
          entityName: 'Acme Widgets',
          factId: 'acme.founded',
          // The reader's language here is French (browserLang), as the sheet would be.
          factText: 'Fondée en 1990.',
          kind: 'wrong',
          reason: 'The registry says 1991.',
          createdAt: '2026-11-02T09:00:00.000Z',
          updatedAt: '2026-11-02T09:00:00.000Z',
        },
      },
    });
    expect(await save({ lang: 'en', kind: 'outdated' })).toMatchObject({ ok: true, data: { flag: { factText: 'Founded in 1990.', kind: 'outdated' } } });
    expect(await real.count('flags')).toBe(1);

    // The panel cannot supply the snapshot, and cannot flag what the pack does not hold.
    expect(await save({ factText: 'Something the pack never said.' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await save({ factId: 'acme.nothing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await save({ entityKey: 'test.sample:nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await save({ reason: '\u200B  ' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await save({ reason: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    expect(await call({ type: 'flags.list', entityKey: 'test.sample:acme' })).toMatchObject({
      ok: true,
      data: { flags: [{ kind: 'outdated' }], unreadable: 0 },
    });
    expect(await call({ type: 'flags.list', entityKey: 'test.sample:other' })).toEqual({ ok: true, data: { flags: [], unreadable: 0 } });
    expect(await call({ type: 'flag.delete', id: 'test.sample:acme.founded' })).toEqual({ ok: true, data: {} });
    expect(await call({ type: 'flags.list' })).toEqual({ ok: true, data: { flags: [], unreadable: 0 } });
  });

  it('never lets a web page list, save or delete flags', async () => {
    const { call, real } = await setup();
    await call({ type: 'flag.save', entityKey: 'test.sample:acme', factId: 'acme.founded', kind: 'wrong', reason: 'a reason' });
    for (const msg of [
      { type: 'flags.list' },
      { type: 'flag.save', entityKey: 'test.sample:acme', factId: 'acme.founded', kind: 'outdated', reason: 'from the page' },
      { type: 'flag.delete', id: 'test.sample:acme.founded' },
    ])
      expect(await call(msg, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await real.get('flags', 'test.sample:acme.founded')).toMatchObject({ kind: 'wrong', reason: 'a reason' });
  });

  it('deletes flags with all the reader’s data', async () => {
    const { call, real } = await setup(undefined, { reseed: (db) => seedBundledPacks(db, [samplePack()]) });
    await call({ type: 'flag.save', entityKey: 'test.sample:acme', factId: 'acme.founded', kind: 'wrong', reason: 'a reason' });
    expect(await call({ type: 'data.deleteAll', confirm: 'delete' })).toMatchObject({ ok: true });
    expect(await real.count('flags')).toBe(0);
  });

  it('still calls malformed notes text not valid JSON', async () => {
    const { call } = await setup();
    const r = await call({ type: 'notes.import', text: '{"format":' });
    expect(r).toMatchObject({
      ok: true,
      data: { ok: false, imported: 0, error: expect.stringMatching(/^Not restored: this file is not a Backstory notes export \(it is not even JSON\)/) },
    });
  });
});
