import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/utils/worker/handlers';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { sampleNote } from '../support/packs';

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const page = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/sidepanel.html' };
const content = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4, url: 'https://news.example/a' }, frameId: 0 };

let n = 0;
async function setup() {
  const db = await openBackstoryDB(`notes-edit-handlers-${n++}`);
  const m = new Map<string, unknown>();
  const area = {
    get: async (k: string) => (m.has(k) ? { [k]: m.get(k) } : {}),
    set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => m.set(k, v)),
    remove: async (k: string) => void m.delete(k),
  };
  const h = createHandlers({
    db: async () => db,
    tabs: createTabStateStore(area),
    settings: createSettingsStore(async () => db),
    browserLang: () => 'en',
    openSidePanelForTab: async () => 'sidePanel',
    now: () => Date.parse('2026-12-01T16:21:00.000Z'),
  });
  return (msg: unknown, sender: object = page) => dispatch(h, msg, sender, env);
}

describe('note messages for editing, undo, tags and drafts', () => {
  it('edits a note: the worker keeps what the note is and dates the edit', async () => {
    const call = await setup();
    await call({ type: 'note.save', note: { ...sampleNote, quote: 'q' } });
    const r = await call({ type: 'note.update', id: sampleNote.id, text: 'edited', quote: null, tags: ['court'] });
    expect(r).toEqual({ ok: true, data: { note: { ...sampleNote, text: 'edited', tags: ['court'], updatedAt: '2026-12-01T16:21:00.000Z' } } });
    expect(await call({ type: 'note.update', id: 'gone-note-0001', text: 'x', quote: null, tags: [] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    // An edit cannot carry another entity or date: the message has no such fields.
    expect(await call({ type: 'note.update', id: sampleNote.id, text: 'x', quote: null, tags: [], createdAt: '2020-01-01T00:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await call({ type: 'note.update', id: sampleNote.id, text: 'x', quote: null, tags: ['t'.repeat(41)] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('refuses a save that would move an existing note to another entity or date', async () => {
    const call = await setup();
    await call({ type: 'note.save', note: sampleNote });
    const r = await call({ type: 'note.save', note: { ...sampleNote, entityKey: 'test.sample:other' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/nothing was saved/) } });
  });

  it('deletes a note and returns it, so Undo saves it back identical', async () => {
    const call = await setup();
    const saved = ((await call({ type: 'note.save', note: { ...sampleNote, tags: ['court'] } })) as { data: { note: unknown } }).data.note;
    const r = (await call({ type: 'note.delete', id: sampleNote.id })) as { data: { note: unknown } };
    expect(r.data.note).toEqual(saved);
    expect(await call({ type: 'note.save', note: r.data.note })).toEqual({ ok: true, data: { note: saved } });
    expect(await call({ type: 'note.delete', id: 'gone-note-0001' })).toEqual({ ok: true, data: {} });
  });

  it('lists the tags in use and keeps drafts, for the extension pages only', async () => {
    const call = await setup();
    await call({ type: 'note.save', note: { ...sampleNote, tags: ['court'] } });
    expect(await call({ type: 'notes.tags' })).toEqual({ ok: true, data: { tags: [{ tag: 'court', count: 1 }] } });
    expect(await call({ type: 'draft.save', entityKey: 'test.sample:acme', text: 'half', tags: [], rev: 3 })).toEqual({ ok: true, data: { kept: true } });
    expect(await call({ type: 'draft.get', entityKey: 'test.sample:acme' })).toEqual({ ok: true, data: { draft: { text: 'half', tags: [], rev: 3 } } });
    for (const msg of [
      { type: 'draft.get', entityKey: 'test.sample:acme' },
      { type: 'notes.tags' },
      { type: 'note.update', id: sampleNote.id, text: 'x', quote: null, tags: [] },
    ])
      expect(await call(msg, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
