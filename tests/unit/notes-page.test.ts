import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { importNotes, listNotes, listNotesPage, type NotesCursor } from '@/utils/worker/store/notes';
import type { Note } from '@/utils/schema/note';

let n = 0;
const freshDb = () => openBackstoryDB(`notes-page-${Date.now()}-${n++}`);
const note = (i: number, updatedAt: string): Note => ({
  id: `note-${String(i).padStart(6, '0')}`,
  entityKey: 'test.sample:acme',
  entityName: 'Acme Widgets',
  text: `note ${i}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
});

/** Every page until the last, as the notes library reads them. */
async function allPages(db: Awaited<ReturnType<typeof freshDb>>, limit: number) {
  const ids: string[] = [];
  let after: NotesCursor | undefined;
  let pages = 0;
  let quarantined = 0;
  let total: number | null = null;
  for (;;) {
    const p = await listNotesPage(db, limit, after);
    pages++;
    total ??= p.total;
    if (after) expect(p.total).toBeNull();
    quarantined += p.quarantined;
    ids.push(...p.notes.map((x) => x.id));
    if (!p.next) return { ids, pages, quarantined, total };
    after = p.next;
  }
}

describe('notes in pages (the notes library)', () => {
  it('reads newest first, each note once, ties on the date in id order, whatever the page size', async () => {
    const db = await freshDb();
    // Many notes share a date: a page boundary falls inside a run of ties.
    const dates = ['2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'];
    await importNotes(
      db,
      Array.from({ length: 25 }, (_, i) => note(i, dates[i % 3] ?? '')),
    );
    const expected = (await listNotes(db)).notes
      .map((x) => [x.updatedAt, x.id] as const)
      .sort((a, b) => (a[0] === b[0] ? b[1].localeCompare(a[1]) : b[0].localeCompare(a[0])))
      .map((x) => x[1]);
    for (const limit of [1, 2, 4, 7, 25, 100]) {
      const r = await allPages(db, limit);
      expect(r.ids).toEqual(expected);
      expect(r.pages).toBe(Math.max(1, Math.ceil(25 / limit)));
      expect(r.total).toBe(25);
    }
  });

  it('pages through any set of notes exactly once (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (days, limit) => {
        const db = await freshDb();
        await importNotes(
          db,
          days.map((d, i) => note(i, `2026-01-0${d + 1}T00:00:00.000Z`)),
        );
        const r = await allPages(db, limit);
        expect([...r.ids].sort()).toEqual(days.map((_, i) => note(i, '').id).sort());
        db.close();
      }),
      { numRuns: 30 },
    );
  });

  it('counts unreadable rows instead of failing, and says when there is nothing', async () => {
    const db = await freshDb();
    expect(await listNotesPage(db, 10)).toEqual({ notes: [], quarantined: 0, next: null, total: 0 });
    await importNotes(db, [note(1, '2026-01-01T00:00:00.000Z')]);
    await db.put('notes', { id: 'broken-row-1', entityKey: 'x', updatedAt: '2026-05-01T00:00:00.000Z' } as unknown as Note);
    const r = await allPages(db, 1);
    expect(r).toMatchObject({ ids: ['note-000001'], quarantined: 1, total: 2 });
  });
});
