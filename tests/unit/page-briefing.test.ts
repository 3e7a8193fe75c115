import { describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/worker/handlers';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import type { Briefing } from '@/utils/messaging/protocol';
import type { PackInput } from '@/utils/schema/pack';
import { samplePack, sampleNote } from '../support/packs';

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const extPage = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/sidepanel.html' };
const content = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4, url: 'https://news.example/a' }, frameId: 0 };

/** Acme with two key facts (one disputed by a non-key denial) and an ordinary fact; Initech with no key fact. */
function pack(): PackInput {
  const base = samplePack();
  const [acme] = base.entities;
  if (!acme) throw new Error('the sample pack lost its entity');
  return {
    ...base,
    entities: [
      {
        ...acme,
        facts: [
          {
            id: 'acme.founded',
            text: { en: 'Founded in 1990.', fr: 'Fondée en 1990.' },
            date: '1990',
            attribution: 'reported',
            sourceIds: ['src-1'],
            key: true,
          },
          {
            id: 'acme.fined',
            text: { en: 'Fined by the regulator.', fr: 'Sanctionnée par le régulateur.' },
            date: '2022-10-20',
            attribution: 'regulator',
            sourceIds: ['src-2'],
            key: true,
            disputedBy: ['acme.denial'],
          },
          {
            id: 'acme.denial',
            text: { en: 'Acme denies it.', fr: 'Acme dément.' },
            date: '2022-10-21',
            attribution: 'company-statement',
            sourceIds: ['src-3'],
            key: false,
          },
          {
            id: 'acme.office',
            text: { en: 'Opened an office.', fr: 'A ouvert un bureau.' },
            date: '2015',
            attribution: 'reported',
            sourceIds: ['src-4'],
            key: false,
          },
        ],
      },
      {
        id: 'initech',
        name: 'Initech',
        kind: 'organization',
        aliases: [{ text: 'Initech' }],
        summary: { en: 'A software company.', fr: 'Un éditeur de logiciels.' },
        facts: [
          { id: 'initech.a', text: { en: 'Moved.', fr: 'A déménagé.' }, date: '2001', attribution: 'reported', sourceIds: ['src-4'], key: false },
          { id: 'initech.b', text: { en: 'Grew.', fr: 'A grandi.' }, date: '2003', attribution: 'reported', sourceIds: ['src-4'], key: false },
        ],
        reviewed: '2026-11-01',
      },
    ],
    sources: [1, 2, 3, 4].map((i) => ({
      id: `src-${i}`,
      title: `Source ${i}`,
      publisher: `Publisher ${i}`,
      url: `https://example.org/${i}`,
      published: '2023-01-01',
      language: 'en',
    })),
  };
}

let n = 0;
async function setup() {
  const db = await openBackstoryDB(`briefing-${n++}`);
  await seedBundledPacks(db, [pack()]);
  const area = new Map<string, unknown>();
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs: createTabStateStore({
      get: async (k) => (area.has(k) ? { [k]: area.get(k) } : {}),
      set: async (o) => void Object.entries(o).forEach(([k, v]) => area.set(k, v)),
      remove: async (k) => void area.delete(k),
    }),
    settings: createSettingsStore(async () => db),
    browserLang: () => 'en-GB',
    openSidePanelForTab: async () => 'sidePanel',
  };
  const h = createHandlers(deps);
  return (msg: unknown, sender: object = extPage) => dispatch(h, msg, sender, env);
}

async function briefing(call: Awaited<ReturnType<typeof setup>>, lang?: string): Promise<Briefing> {
  const r = (await call({ type: 'page.briefing', tabId: 4, ...(lang ? { lang } : {}) })) as { ok: boolean; data: Briefing };
  expect(r.ok).toBe(true);
  return r.data;
}

describe('page.briefing', () => {
  it('lists the page’s entities, most mentioned first, each with its key facts, their disputes and only the sources they cite', async () => {
    const call = await setup();
    await call(
      {
        type: 'page.report',
        entities: [
          { key: 'test.sample:acme', count: 2 },
          { key: 'test.sample:initech', count: 5 },
        ],
        reset: true,
        title: 'Acme news',
      },
      content,
    );
    const b = await briefing(call);
    expect(b).toMatchObject({ url: 'https://news.example/a', title: 'Acme news' });
    expect(b.entities.map((e) => [e.name, e.count])).toEqual([
      ['Initech', 5],
      ['Acme Widgets', 2],
    ]);
    const acme = b.entities[1];
    expect(acme).toMatchObject({ summary: 'A maker of widgets.', lang: 'en', factCount: 4 });
    // Key facts, newest first; the denial beside the claim it disputes; no evidence (that is the sheet's).
    expect(acme?.facts.map((f) => f.id)).toEqual(['acme.fined', 'acme.founded']);
    expect(acme?.facts[0]?.disputes?.map((d) => d.text)).toEqual(['Acme denies it.']);
    expect(acme?.facts.some((f) => 'evidence' in f)).toBe(false);
    expect(acme?.sources.map((s) => s.id).sort()).toEqual(['src-1', 'src-2', 'src-3']);
    // No key fact: the newest facts stand in, as on the card.
    expect(b.entities[0]?.facts.map((f) => f.id)).toEqual(['initech.b', 'initech.a']);
  });

  it('gives the reader’s notes on each entity, in the reader’s language', async () => {
    const call = await setup();
    await call({ type: 'page.report', entities: [{ key: 'test.sample:acme', count: 1 }], reset: true }, content);
    await call({ type: 'note.save', note: { ...sampleNote, text: 'Ask about the fine.' } });
    const b = await briefing(call, 'fr');
    expect(b.entities[0]).toMatchObject({ summary: 'Un fabricant de gadgets.', lang: 'fr', notes: [{ text: 'Ask about the fine.' }] });
  });

  it('includes a discreet pack’s entities, as the panel’s list does, and leaves out a disabled pack’s', async () => {
    const call = await setup();
    const secret = samplePack({ id: 'user.secret', name: 'My research' });
    expect(await call({ type: 'pack.import', text: JSON.stringify(secret) })).toMatchObject({ ok: true, data: { ok: true } });
    await call(
      {
        type: 'page.report',
        entities: [
          { key: 'user.secret:acme', count: 1 },
          { key: 'test.sample:initech', count: 1 },
        ],
        reset: true,
      },
      content,
    );
    const listed = (await call({ type: 'tab.state', tabId: 4 })) as { data: { entities: { key: string }[] } };
    expect((await briefing(call)).entities.map((e) => e.key)).toEqual(listed.data.entities.map((e) => e.key));
    expect((await briefing(call)).entities.map((e) => e.key)).toContain('user.secret:acme');
    await call({ type: 'pack.enable', id: 'user.secret', enabled: false });
    expect((await briefing(call)).entities.map((e) => e.key)).toEqual(['test.sample:initech']);
  });

  it('is empty for a tab it knows nothing of, and refused to web pages', async () => {
    const call = await setup();
    expect(await briefing(call)).toEqual({ url: null, title: null, entities: [] });
    expect(await call({ type: 'page.briefing', tabId: 4 }, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
