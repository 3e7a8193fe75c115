import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openBackstoryDB } from '@/utils/worker/store/db';
import { deleteMute, listMutes, mutedOn, putMute } from '@/utils/worker/store/mutes';
import { deleteAllData } from '@/utils/worker/store/packs';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { listNotes } from '@/utils/worker/store/notes';
import { putFlag, listFlags } from '@/utils/worker/store/flags';
import { Mute, muteApplies, muteId } from '@/utils/schema/mute';
import { sampleNote, samplePack, sampleFlag } from '../support/packs';

let n = 0;
const freshDb = () => openBackstoryDB(`mutes-${Date.now()}-${n++}`);

function mute(over: Partial<Mute> = {}): Mute {
  const host = 'news.example';
  return {
    id: muteId('test.sample:acme', host),
    entityKey: 'test.sample:acme',
    entityName: 'Acme Widgets',
    scope: 'site',
    host,
    createdAt: '2026-12-01T10:00:00.000Z',
    ...over,
  };
}
const everywhere = (over: Partial<Mute> = {}) => {
  const { host: _host, ...rest } = mute({ scope: 'everywhere', id: muteId('test.sample:acme', null), ...over });
  return rest as Mute;
};

describe('the mutes store', () => {
  it('stores a mute durably, lists newest first, and keeps the first date when muted again', async () => {
    const db = await freshDb();
    expect((await putMute(db, mute())).created).toBe(true);
    await putMute(db, everywhere({ entityKey: 'test.sample:other', id: muteId('test.sample:other', null), createdAt: '2026-12-02T10:00:00.000Z' }));
    // Muting again says it created nothing, and hands back the row as it was.
    expect(await putMute(db, mute({ createdAt: '2026-12-03T10:00:00.000Z' }))).toMatchObject({
      created: false,
      mute: { createdAt: '2026-12-01T10:00:00.000Z' },
    });
    const { mutes, unreadable } = await listMutes(db);
    expect(unreadable).toBe(0);
    expect(mutes.map((m) => [m.id, m.createdAt])).toEqual([
      ['*|test.sample:other', '2026-12-02T10:00:00.000Z'],
      ['news.example|test.sample:acme', '2026-12-01T10:00:00.000Z'],
    ]);
  });

  it('refuses a malformed mute and writes nothing', async () => {
    const db = await freshDb();
    // A site mute without its host, a host carrying a path, an id that does not name its place.
    const { host: _h, ...noHost } = mute();
    await expect(putMute(db, noHost as Mute)).rejects.toThrow();
    await expect(putMute(db, mute({ host: 'news.example/path', id: muteId('test.sample:acme', 'news.example/path') }))).rejects.toThrow();
    await expect(putMute(db, mute({ id: muteId('test.sample:acme', 'other.example') }))).rejects.toThrow();
    await expect(putMute(db, { ...everywhere(), host: 'news.example' })).rejects.toThrow();
    expect(await db.count('mutes')).toBe(0);
  });

  it('counts rows it cannot read, which mute nothing', async () => {
    const db = await freshDb();
    await putMute(db, mute());
    await db.put('mutes', { id: 'broken', entityKey: 42 } as unknown as Mute);
    const { mutes, unreadable } = await listMutes(db);
    expect(unreadable).toBe(1);
    expect(mutedOn(mutes, 'news.example')).toEqual(new Set(['test.sample:acme']));
  });

  it('deletes one mute and says what it was', async () => {
    const db = await freshDb();
    await putMute(db, mute());
    expect(await deleteMute(db, mute().id)).toMatchObject({ entityKey: 'test.sample:acme', host: 'news.example' });
    expect(await deleteMute(db, mute().id)).toBeNull();
    expect((await listMutes(db)).mutes).toEqual([]);
  });

  it('applies a site mute on its own host only, an everywhere mute on every site', () => {
    const all = [mute(), everywhere({ entityKey: 'test.sample:b', id: muteId('test.sample:b', null) })];
    expect(mutedOn(all, 'news.example')).toEqual(new Set(['test.sample:acme', 'test.sample:b']));
    // A host with another port, or a subdomain, is another site.
    expect(mutedOn(all, 'news.example:8080')).toEqual(new Set(['test.sample:b']));
    expect(mutedOn(all, 'www.news.example')).toEqual(new Set(['test.sample:b']));
    expect(mutedOn(all, null)).toEqual(new Set(['test.sample:b']));
    expect(muteApplies(mute(), null)).toBe(false);
  });

  it('is emptied by "delete all my data", and survives closing and reopening the database', async () => {
    const name = `mutes-reopen-${n++}`;
    const db = await openBackstoryDB(name);
    await putMute(db, mute());
    db.close();
    const again = await openBackstoryDB(name);
    expect((await listMutes(again)).mutes).toHaveLength(1);
    await deleteAllData(again);
    expect(await again.count('mutes')).toBe(0);
    again.close();
  });
});

describe('database upgrade to version 5', () => {
  afterEach(() => vi.restoreAllMocks());

  it('adds the mutes store and leaves notes, flags and packs as they were', async () => {
    const name = `upgrade-v4-${Date.now()}-${n++}`;
    const v4 = await openBackstoryDB(name, {}, 4);
    await seedBundledPacks(v4, [samplePack()]);
    await v4.put('notes', sampleNote);
    await putFlag(v4, sampleFlag());
    const before = { notes: await v4.getAll('notes'), flags: await v4.getAll('flags'), entities: await v4.getAll('entities') };
    expect(v4.objectStoreNames.contains('mutes')).toBe(false);
    v4.close();

    const db = await openBackstoryDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(5);
    expect(db.objectStoreNames.contains('mutes')).toBe(true);
    expect(db.transaction('mutes').store.indexNames.contains('entityKey')).toBe(true);
    expect(await db.getAll('notes')).toEqual(before.notes);
    expect((await listNotes(db)).notes).toHaveLength(1);
    expect(await db.getAll('flags')).toEqual(before.flags);
    expect((await listFlags(db)).flags).toHaveLength(1);
    expect(await db.getAll('entities')).toEqual(before.entities);
    await putMute(db, mute());
    expect((await listMutes(db)).mutes).toHaveLength(1);
    db.close();
  });
});
