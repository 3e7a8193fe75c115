import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DB_VERSION, openBackstoryDB, type DB } from '@/utils/worker/store/db';
import {
  compareVersions,
  installPack,
  listPacks,
  loadDictionary,
  planInstall,
  removePack,
  setPackEnabled,
  PackConflictError,
  PackDowngradeError,
} from '@/utils/worker/store/packs';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import {
  countNotesForPage,
  deleteQuarantinedNotes,
  importNotes,
  listNotes,
  listNotesByEntity,
  listQuarantinedNotes,
  putNote,
  deleteNote,
} from '@/utils/worker/store/notes';
import { validatePack, parsePackText } from '@/utils/schema/validate';
import type { Pack } from '@/utils/schema/pack';
import type { Note } from '@/utils/schema/note';
import { clone, firstParts, samplePack } from '../support/packs';

let n = 0;
const freshDb = () => openBackstoryDB(`test-${Date.now()}-${n++}`);
const valid = (v: unknown): Pack => {
  const r = validatePack(v);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
};

/** Everything in the database, for byte-for-byte comparisons. */
async function dump(db: DB) {
  const out: Record<string, unknown> = {};
  for (const store of ['packs', 'entities', 'sources', 'notes', 'meta'] as const) out[store] = await db.getAll(store);
  return JSON.stringify(out);
}

const note = (over: Partial<Note> = {}): Note => ({
  id: crypto.randomUUID(),
  entityKey: 'test.sample:acme',
  entityName: 'Acme Widgets',
  text: 'Check the 2020 filing.',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

describe('packs store', () => {
  it('seeds bundled packs idempotently and updates them on a new version', async () => {
    const db = await freshDb();
    const r1 = await seedBundledPacks(db, [samplePack()]);
    expect(r1.outcomes).toEqual({ 'test.sample': 'installed' });
    const before = await dump(db);
    const r2 = await seedBundledPacks(db, [samplePack()]);
    expect(r2.outcomes).toEqual({ 'test.sample': 'unchanged' });
    expect(await dump(db)).toBe(before);

    await putNote(db, note());
    const v2 = clone(samplePack({ version: '1.1.0' }));
    firstParts(v2).entity.summary.en = 'A maker of fine widgets.';
    expect((await seedBundledPacks(db, [v2])).outcomes).toEqual({ 'test.sample': 'updated' });
    expect((await db.get('entities', 'test.sample:acme'))?.entity.summary.en).toBe('A maker of fine widgets.');
    expect((await listNotes(db)).notes).toHaveLength(1);
  });

  it('removes a bundled pack that is no longer shipped, never a user pack', async () => {
    const db = await freshDb();
    await seedBundledPacks(db, [samplePack()]);
    await installPack(db, valid(samplePack({ id: 'user.pack' })), { bundled: false });
    const r = await seedBundledPacks(db, []);
    expect(r.removed).toEqual(['test.sample']);
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['user.pack']);
  });

  it('refuses a user pack that takes a bundled pack id', async () => {
    const db = await freshDb();
    await seedBundledPacks(db, [samplePack()]);
    const user = clone(samplePack({ version: '9.0.0' }));
    await expect(installPack(db, valid(user), { bundled: false })).rejects.toBeInstanceOf(PackConflictError);
  });

  it('refuses an older version of an installed user pack and changes nothing; the same version with new content is an update', async () => {
    const db = await freshDb();
    await installPack(db, valid(samplePack({ id: 'user.pack', version: '1.2.0' })), { bundled: false });
    const before = await dump(db);
    const older = valid(samplePack({ id: 'user.pack', version: '1.0.0' }));
    await expect(installPack(db, older, { bundled: false })).rejects.toThrow(
      new PackDowngradeError('Version 1.0.0 is older than the installed 1.2.0: remove the installed pack first to go back to it.'),
    );
    await expect(installPack(db, older, { bundled: false })).rejects.toBeInstanceOf(PackDowngradeError);
    await expect(planInstall(db, older, { bundled: false })).rejects.toBeInstanceOf(PackDowngradeError);
    expect(await dump(db)).toBe(before);

    const sameVersion = clone(samplePack({ id: 'user.pack', version: '1.2.0' }));
    firstParts(sameVersion).entity.summary.en = 'A maker of fine widgets.';
    expect(await planInstall(db, valid(sameVersion), { bundled: false })).toEqual({ outcome: 'updated', installedVersion: '1.2.0' });
    expect(await installPack(db, valid(sameVersion), { bundled: false })).toBe('updated');
    expect(await installPack(db, valid(samplePack({ id: 'user.pack', version: '1.10.0' })), { bundled: false })).toBe('updated');
    expect((await db.get('packs', 'user.pack'))?.version).toBe('1.10.0');
  });

  it('lets the extension roll a bundled pack back to the version it ships', async () => {
    const db = await freshDb();
    await seedBundledPacks(db, [samplePack({ version: '2.0.0' })]);
    expect((await seedBundledPacks(db, [samplePack({ version: '1.0.0' })])).outcomes).toEqual({ 'test.sample': 'updated' });
    expect((await db.get('packs', 'test.sample'))?.version).toBe('1.0.0');
  });

  it('compares versions by number', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.2.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });

  it('replaces a pack whole: entities dropped from the new version are gone', async () => {
    const db = await freshDb();
    const p = clone(samplePack());
    p.entities.push({ ...clone(firstParts(p).entity), id: 'other', name: 'Other Co', aliases: [{ text: 'Other Co' }], facts: [] });
    await installPack(db, valid(p), { bundled: false });
    expect(await db.count('entities')).toBe(2);
    await installPack(db, valid(samplePack({ version: '2.0.0' })), { bundled: false });
    expect(await db.getAllKeys('entities')).toEqual(['test.sample:acme']);
  });

  it('compiles the dictionary from enabled packs only and rebuilds it after a change', async () => {
    const db = await freshDb();
    await installPack(db, valid(samplePack()), { bundled: false });
    const d1 = await loadDictionary(db);
    expect(d1.entities).toEqual(['test.sample:acme']);
    await setPackEnabled(db, 'test.sample', false);
    const d2 = await loadDictionary(db);
    expect(d2.entities).toEqual([]);
    expect(d2.version).not.toBe(d1.version);
    await removePack(db, 'test.sample');
    expect(await db.count('entities')).toBe(0);
  });

  it('property: any invalid pack leaves the store byte-for-byte unchanged', async () => {
    const db = await freshDb();
    await seedBundledPacks(db, [samplePack()]);
    await putNote(db, note());
    const before = await dump(db);
    const mutations = fc.oneof(
      fc.constant((p: any) => (p.sources[0].url = 'javascript:alert(1)')),
      fc.constant((p: any) => (p.entities[0].facts[0].sourceIds = ['missing'])),
      fc.constant((p: any) => (p.entities[0].aliases = [])),
      fc.constant((p: any) => (p.entities[0].facts[0].date = '20-1-1')),
      fc.constant((p: any) => p.entities.push(p.entities[0])),
      fc.constant((p: any) => (p.schema = 99)),
      fc.string().map((s) => (p: any) => (p.entities[0].facts[0].attribution = `x${s}`)),
      fc.string({ maxLength: 3 }).map((s) => (p: any) => (p.entities[0].aliases = [{ text: s.replace(/[\p{L}\p{N}]/gu, '') || '.' }])),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutations, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 50 }), async (muts, extra) => {
        const p: any = clone(samplePack({ id: 'user.x' }));
        for (let i = 0; i < extra; i++) p.entities[0].facts.push({ ...p.entities[0].facts[0], id: `acme.f${i}` });
        for (const m of muts) m(p);
        const r = parsePackText(JSON.stringify(p));
        expect(r.ok).toBe(false);
        expect(await dump(db)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('property: import, export, import is the identity', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1, maxLength: 40 })
          .filter((s) => s.trim().length > 0 && !/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(s)),
        async (summary) => {
          const db = await freshDb();
          const p = clone(samplePack());
          firstParts(p).entity.summary.en = summary.slice(0, 300);
          const first = valid(p);
          await installPack(db, first, { bundled: false });
          const rec = await db.get('entities', 'test.sample:acme');
          const exported = { ...first, entities: [rec!.entity] };
          const second = valid(JSON.parse(JSON.stringify(exported)));
          expect(second).toEqual(first);
          expect(await installPack(db, second, { bundled: false })).toBe('unchanged');
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('notes store', () => {
  it('creates, updates, lists by entity and recency, deletes', async () => {
    const db = await freshDb();
    const a = await putNote(db, note({ text: 'first', updatedAt: '2026-11-01T10:00:00.000Z' }));
    await putNote(db, note({ text: 'second', updatedAt: '2026-11-02T10:00:00.000Z' }));
    await putNote(db, note({ entityKey: 'p:other', entityName: 'Other', text: 'elsewhere' }));
    expect((await listNotesByEntity(db, 'test.sample:acme')).notes.map((x) => x.text)).toEqual(['second', 'first']);
    await putNote(db, { ...a, text: 'first, edited', updatedAt: '2026-11-03T10:00:00.000Z' });
    expect((await listNotes(db)).notes[0]?.text).toBe('first, edited');
    await deleteNote(db, a.id);
    expect((await listNotes(db)).notes).toHaveLength(2);
  });

  it('quarantines rows that no longer match the schema instead of failing the list', async () => {
    const db = await freshDb();
    await putNote(db, note());
    await db.put('notes', { id: 'broken-row-1', entityKey: 'x' } as unknown as Note);
    const r = await listNotes(db);
    expect(r.notes).toHaveLength(1);
    expect(r.quarantined).toBe(1);
  });

  it('stores and imports notes with the page URL cleaned, and counts them by any form of that URL', async () => {
    const db = await freshDb();
    const saved = await putNote(db, note({ pageUrl: 'https://news.example/a?sid=123456#frag' }));
    expect(saved.pageUrl).toBe('https://news.example/a');
    await importNotes(db, [note({ pageUrl: 'https://u:p@news.example/a?utm_campaign=x' })]);
    expect((await db.getAll('notes')).map((x) => x.pageUrl)).toEqual(['https://news.example/a', 'https://news.example/a']);
    expect(await countNotesForPage(db, 'https://news.example/a?other_token=9#x')).toBe(2);
    // A row written by any other path is still listed (and so exported) clean.
    await db.put('notes', note({ text: 'raw', pageUrl: 'https://news.example/b?token=1#x' }));
    expect((await listNotes(db)).notes.find((x) => x.text === 'raw')?.pageUrl).toBe('https://news.example/b');
  });

  it('gives unreadable rows back as stored, and deletes only them, only while their count is the one shown', async () => {
    const db = await freshDb();
    const good = await putNote(db, note());
    await db.put('notes', { id: 'broken-row-1', entityKey: 'x', seen: new Date('2026-01-02T00:00:00.000Z') } as unknown as Note);
    const emptied = { ...note(), text: '' };
    await db.put('notes', emptied);
    const rows = await listQuarantinedNotes(db);
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ id: 'broken-row-1', entityKey: 'x', seen: '2026-01-02T00:00:00.000Z' });
    expect(rows).toContainEqual(emptied);

    await expect(deleteQuarantinedNotes(db, 1)).rejects.toThrow('There are now 2 unreadable notes, not 1: nothing was deleted');
    expect(await db.count('notes')).toBe(3);
    expect(await deleteQuarantinedNotes(db, 2)).toBe(2);
    expect(await listNotes(db)).toEqual({ notes: [good], quarantined: 0 });
  });

  it('rejects an invalid note without writing', async () => {
    const db = await freshDb();
    await expect(putNote(db, note({ text: '   ' }))).rejects.toThrow();
    expect(await db.count('notes')).toBe(0);
  });
});

describe('database upgrades', () => {
  it('takes a version-1 database, written by the version-1 code path, to the current version with notes intact', async () => {
    const name = `upgrade-${Date.now()}`;
    // Version 1 exactly as it shipped: only the first upgrade step.
    const v1 = await openBackstoryDB(name, {}, 1);
    await seedBundledPacks(v1, [samplePack()]);
    const written = [note({ text: 'kept 1', pageUrl: 'https://news.example/a' }), note({ text: 'kept 2' })];
    for (const x of written) await v1.put('notes', x);
    expect(v1.objectStoreNames.contains('notes')).toBe(true);
    expect(v1.transaction('notes').store.indexNames.contains('pageUrl')).toBe(false);
    v1.close();

    const current = await openBackstoryDB(name);
    expect(current.version).toBe(DB_VERSION);
    expect((await listNotes(current)).notes.map((x) => x.text).sort()).toEqual(['kept 1', 'kept 2']);
    expect(await countNotesForPage(current, 'https://news.example/a')).toBe(1);
    expect(await current.count('entities')).toBe(1);
    current.close();
  });

  it('takes a version-2 database to the current version with page URLs cleaned, and still counts notes per page', async () => {
    const name = `upgrade-v2-${Date.now()}`;
    const v2 = await openBackstoryDB(name, {}, 2);
    const dirty = 'https://reader:pw@news.example/a?id=7&reset_token=9f8e7d6c5b4a3f2e1d0c&utm_source=mail#comment-3';
    const kept = [note({ text: 'dirty', pageUrl: dirty }), note({ text: 'clean', pageUrl: 'https://news.example/a?id=7' }), note({ text: 'no page' })];
    for (const x of kept) await v2.put('notes', x);
    // A row that fails the note schema is cleaned as well: it can be downloaded raw later.
    await v2.put('notes', { id: 'broken-row-1', pageUrl: 'https://x.example/?session=abc#t' } as unknown as Note);
    expect(await v2.countFromIndex('notes', 'pageUrl', 'https://news.example/a?id=7')).toBe(1);
    v2.close();

    const current = await openBackstoryDB(name);
    expect(current.version).toBe(DB_VERSION);
    const byText = Object.fromEntries((await listNotes(current)).notes.map((x) => [x.text, x.pageUrl]));
    expect(byText).toEqual({ dirty: 'https://news.example/a?id=7', clean: 'https://news.example/a?id=7', 'no page': undefined });
    expect(((await current.get('notes', 'broken-row-1')) as { pageUrl: string }).pageUrl).toBe('https://x.example/');
    expect(await countNotesForPage(current, dirty)).toBe(2);
    expect(await countNotesForPage(current, 'https://news.example/a?id=7#top')).toBe(2);
    current.close();
  });

  it('creates the current version from nothing', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['entities', 'flags', 'meta', 'mutes', 'notes', 'packs', 'sources']);
  });
});
