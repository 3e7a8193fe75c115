import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openBackstoryDB, type SourceRecord } from '@/utils/worker/store/db';
import { deleteFlag, listFlags, listFlagsByEntity, putFlag } from '@/utils/worker/store/flags';
import { listNotes } from '@/utils/worker/store/notes';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { Flag, flagId } from '@/utils/schema/flag';
import type { Note } from '@/utils/schema/note';
import { sampleFlag, samplePack, sampleNote } from '../support/packs';

let n = 0;
const freshDb = () => openBackstoryDB(`flags-${Date.now()}-${n++}`);

const flag = sampleFlag;

it('names a flag by its pack and fact, one flag per fact', () => {
  expect(flagId('test.sample', 'acme.founded')).toBe(sampleFlag().id);
});

describe('flag schema', () => {
  it('trims the reason, drops invisible controls, and refuses an empty or over-long one', () => {
    expect(Flag.parse(flag({ reason: '  Wrong\u200B year\u202E.  ' })).reason).toBe('Wrong year.');
    expect(Flag.safeParse(flag({ reason: '   ' })).success).toBe(false);
    expect(Flag.safeParse(flag({ reason: 'x'.repeat(501) })).success).toBe(false);
    expect(Flag.safeParse(flag({ reason: 'x'.repeat(500) })).success).toBe(true);
  });

  it('is keyed by pack and fact: an id or entity of another pack is refused', () => {
    expect(Flag.safeParse(flag({ id: 'other.pack:acme.founded' })).success).toBe(false);
    expect(Flag.safeParse(flag({ entityKey: 'other.pack:acme' })).success).toBe(false);
    expect(Flag.safeParse(flag({ kind: 'biased' as never })).success).toBe(false);
    expect(Flag.safeParse({ ...flag(), extra: 1 }).success).toBe(false);
  });
});

describe('flags store', () => {
  it('keeps one flag per fact: saving again replaces it and keeps its first date', async () => {
    const db = await freshDb();
    await putFlag(db, flag());
    const again = await putFlag(
      db,
      flag({ kind: 'outdated', reason: 'Moved since.', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' }),
    );
    expect(again).toMatchObject({ kind: 'outdated', reason: 'Moved since.', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' });
    expect(await listFlags(db)).toEqual({ flags: [again], unreadable: 0 });
  });

  it('lists by entity, newest first, counts unreadable rows without showing them, and deletes', async () => {
    const db = await freshDb();
    const a = await putFlag(db, flag());
    const b = await putFlag(db, flag({ id: 'test.sample:acme.ipo', factId: 'acme.ipo', updatedAt: '2026-11-05T00:00:00.000Z' }));
    const other = await putFlag(db, flag({ id: 'test.sample:globex.x', factId: 'globex.x', entityKey: 'test.sample:globex', entityName: 'Globex' }));
    await db.put('flags', { id: 'broken', entityKey: 'test.sample:acme' } as never);
    expect(await listFlagsByEntity(db, 'test.sample:acme')).toEqual({ flags: [b, a], unreadable: 1 });
    expect((await listFlags(db)).flags).toHaveLength(3);
    await deleteFlag(db, a.id);
    expect((await listFlags(db)).flags).toEqual([b, other]);
  });

  it('refuses an invalid flag without writing', async () => {
    const db = await freshDb();
    await expect(putFlag(db, flag({ reason: '' }))).rejects.toThrow();
    expect(await db.count('flags')).toBe(0);
  });
});

describe('database upgrade to version 4', () => {
  afterEach(() => vi.restoreAllMocks());

  /** A version-3 database as that version wrote it: notes, and a source carrying format 1's `archiveUrl`. */
  async function v3Database() {
    const name = `upgrade-v3-${Date.now()}-${n++}`;
    const v3 = await openBackstoryDB(name, {}, 3);
    await seedBundledPacks(v3, [samplePack()]);
    const notes: Note[] = [
      { ...sampleNote, pageUrl: 'https://news.example/a?id=7' },
      { ...sampleNote, id: '0a1b2c3d-0000-4000-8000-000000000002', text: 'second' },
    ];
    for (const x of notes) await v3.put('notes', x);
    const old = { url: 'https://example.org/old', archiveUrl: 'https://web.archive.org/web/2020/https://example.org/old' };
    await v3.put('sources', { key: 'test.sample:old', packId: 'test.sample', source: { ...(await v3.get('sources', 'test.sample:src-1'))!.source, ...old } });
    // Both names on one row (hand-edited): `archived` wins, as in the pack schema.
    const both = { archived: 'https://archive.example/kept', archiveUrl: 'https://archive.example/dropped' };
    await v3.put('sources', { key: 'test.sample:both', packId: 'test.sample', source: { ...(await v3.get('sources', 'test.sample:src-1'))!.source, ...both } });
    const before = { notes: await v3.getAll('notes'), sources: await v3.getAll('sources') };
    v3.close();
    return { name, notes, before };
  }

  it('adds the flags store, renames archiveUrl to archived, and leaves the notes as they were', async () => {
    const { name, notes, before } = await v3Database();
    const db = await openBackstoryDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(4);
    expect(db.objectStoreNames.contains('flags')).toBe(true);
    expect(db.transaction('flags').store.indexNames.contains('entityKey')).toBe(true);

    expect(await db.getAll('notes')).toEqual(before.notes);
    expect((await listNotes(db)).notes.map((x) => x.id).sort()).toEqual(notes.map((x) => x.id).sort());

    const source = async (key: string) => (await db.get('sources', key))!.source as SourceRecord['source'] & { archiveUrl?: string };
    expect(await source('test.sample:old')).toMatchObject({ archived: 'https://web.archive.org/web/2020/https://example.org/old' });
    expect('archiveUrl' in (await source('test.sample:old'))).toBe(false);
    expect(await source('test.sample:both')).toMatchObject({ archived: 'https://archive.example/kept' });
    expect('archiveUrl' in (await source('test.sample:both'))).toBe(false);
    // A source without an archived copy is left alone.
    expect(await db.get('sources', 'test.sample:src-1')).toEqual(before.sources.find((s) => s.key === 'test.sample:src-1'));

    await putFlag(db, flag());
    expect((await listFlagsByEntity(db, 'test.sample:acme')).flags).toHaveLength(1);
    db.close();
  });

  it('rolls back whole when the rename fails: still version 3, no flags store, sources and notes untouched', async () => {
    const { name, before } = await v3Database();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const update = vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(() => {
      throw new DOMException('disk I/O error', 'UnknownError');
    });
    await expect(openBackstoryDB(name)).rejects.toThrow();
    update.mockRestore();

    const v3 = await openBackstoryDB(name, {}, 3);
    expect(v3.version).toBe(3);
    expect(v3.objectStoreNames.contains('flags')).toBe(false);
    expect(await v3.getAll('sources')).toEqual(before.sources);
    expect(await v3.getAll('notes')).toEqual(before.notes);
    v3.close();
  });
});
