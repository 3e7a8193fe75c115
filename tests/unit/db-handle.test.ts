import { describe, expect, it } from 'vitest';
import { createDbHandle } from '@/utils/worker/db-handle';
import { openDB } from 'idb';
import { DB_VERSION, openBackstoryDB, type OpenHooks } from '@/utils/worker/store/db';
import { seedBundledPacks, type SeedReport } from '@/utils/worker/store/seed';
import { listNotes, putNote } from '@/utils/worker/store/notes';
import { samplePack, sampleNote } from '../support/packs';

let n = 0;
const note = sampleNote;

/** A real database behind an opener and a seeder that fail on the given calls (counted from 0). */
function setup(opts: { failOpen?: number[]; failSeed?: number[] } = {}) {
  const name = `handle-${n++}`;
  const calls = { open: 0, seed: 0 };
  const hooks: OpenHooks[] = [];
  const logged: string[] = [];
  const handle = createDbHandle({
    open: async (h) => {
      hooks.push(h);
      if ((opts.failOpen ?? []).includes(calls.open++)) throw new DOMException('disk I/O error', 'UnknownError');
      return openBackstoryDB(name, h);
    },
    seed: async (db): Promise<SeedReport> => {
      if ((opts.failSeed ?? []).includes(calls.seed++)) throw new DOMException('quota exceeded', 'QuotaExceededError');
      return seedBundledPacks(db, [samplePack()]);
    },
    log: (m) => void logged.push(m),
  });
  return { handle, calls, hooks, logged, name };
}

describe('database handle', () => {
  it('does not keep a failed open: the next request opens again', async () => {
    const { handle, calls } = setup({ failOpen: [0] });
    await expect(handle.get()).rejects.toThrow('disk I/O error');
    const db = await handle.get();
    expect(calls.open).toBe(2);
    expect(await db.count('packs')).toBe(1);
  });

  it('returns the database when seeding fails, reports it, and seeds again on the next request', async () => {
    const { handle, calls, logged, name } = setup({ failSeed: [0] });
    const seedless = await openBackstoryDB(name);
    await putNote(seedless, note);
    seedless.close();

    const db = await handle.get();
    expect((await listNotes(db)).notes).toHaveLength(1);
    expect(await db.count('packs')).toBe(0);
    expect(handle.seedProblem()).toMatch(/bundled packs could not be installed \(Storage is full/);
    expect(logged).toHaveLength(1);

    expect(await handle.get()).toBe(db);
    expect(calls.seed).toBe(2);
    expect(await db.count('packs')).toBe(1);
    expect(handle.seedProblem()).toBeNull();
    await handle.get();
    expect(calls.seed).toBe(2);
  });

  it('opens and seeds once for concurrent requests', async () => {
    const { handle, calls } = setup();
    const [a, b] = await Promise.all([handle.get(), handle.get()]);
    expect(a).toBe(b);
    expect(calls).toEqual({ open: 1, seed: 1 });
  });

  it('reopens and reseeds after the browser closed the connection', async () => {
    const { handle, calls, hooks } = setup();
    const first = await handle.get();
    first.close();
    const [opened] = hooks;
    expect(opened).toBeDefined();
    opened?.onTerminated?.();
    const second = await handle.get();
    expect(second).not.toBe(first);
    expect(calls).toEqual({ open: 2, seed: 2 });
  });

  it('reports an invalid bundled pack without retrying it', async () => {
    const logged: string[] = [];
    const handle = createDbHandle({
      open: (h) => openBackstoryDB(`handle-${n++}`, h),
      seed: async () => ({ outcomes: {}, errors: ['entities[0].aliases: needs at least one alias'], removed: [] }),
      log: (m) => void logged.push(m),
    });
    await handle.get();
    await handle.get();
    expect(handle.seedProblem()).toMatch(/bundled pack is invalid.*needs at least one alias/);
    expect(logged).toHaveLength(1);
  });

  it('reseeds on demand and records, not throws, a failure', async () => {
    const { handle, calls } = setup({ failSeed: [1] });
    const db = await handle.get();
    await db.clear('packs');
    await expect(handle.reseed()).resolves.toBeUndefined();
    expect(handle.seedProblem()).toMatch(/could not be installed/);
    await handle.get();
    expect(calls.seed).toBe(3);
    expect(await db.count('packs')).toBe(1);
  });

  it('waits while another page holds the old version open; a request that waited too long gets a clear error', async () => {
    const name = `handle-blocked-${n++}`;
    (await openBackstoryDB(name, {}, 2)).close();
    // An old page that ignores the upgrade request, as a previous version's page might.
    const holder = await openDB(name, 2);
    const clocks: (() => void)[] = [];
    let clockStarted = () => {};
    const logged: string[] = [];
    let opens = 0;
    const handle = createDbHandle({
      open: (h) => (opens++, openBackstoryDB(name, h)),
      seed: (db) => seedBundledPacks(db, [samplePack()]),
      log: (m) => void logged.push(m),
      blockedWait: (giveUp) => {
        clocks.push(giveUp);
        clockStarted();
        return () => {};
      },
    });

    const started = new Promise<void>((r) => (clockStarted = r));
    const first = handle.get();
    await started;
    const [giveUp] = clocks;
    expect(giveUp).toBeDefined();
    giveUp?.();
    await expect(first).rejects.toThrow('waits for other Backstory pages or windows to close');
    expect(logged.join('\n')).toMatch(/Close them \(or restart the browser\)/);

    // The open kept waiting: the next request joins it and gets the database once the old page closes.
    const second = handle.get();
    expect(clocks).toHaveLength(2);
    holder.close();
    const db = await second;
    expect(db.version).toBe(DB_VERSION);
    expect(opens).toBe(1);
  });
});
