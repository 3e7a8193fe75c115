import { describe, expect, it } from 'vitest';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { deleteNote, listNotes, listTags, NoteConflictError, NoteMissingError, putNote, updateNote } from '@/utils/worker/store/notes';
import { DRAFT_MAX_AGE_MS, getDraft, putDraft } from '@/utils/worker/store/drafts';
import { deleteAllData } from '@/utils/worker/store/packs';
import type { Note } from '@/utils/schema/note';

let n = 0;
const freshDb = () => openBackstoryDB(`notes-edit-${Date.now()}-${n++}`);

const note = (over: Partial<Note> = {}): Note => ({
  id: crypto.randomUUID(),
  entityKey: 'test.sample:acme',
  entityName: 'Acme Widgets',
  pageUrl: 'https://news.example/a',
  pageTitle: 'Acme in the news',
  quote: 'Acme said so.',
  text: 'Check the 2020 filing.',
  tags: ['court', 'privacy'],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

describe('editing a note', () => {
  it('changes text, quote and tags only; keeps id, entity, page and createdAt; sets updatedAt', async () => {
    const db = await freshDb();
    const a = await putNote(db, note());
    const b = await updateNote(db, { id: a.id, text: 'Checked: it was 2021.', quote: null, tags: ['court', 'Court', ' filing '] }, '2026-12-01T16:21:00.000Z');
    expect(b).toEqual({
      ...a,
      quote: undefined,
      text: 'Checked: it was 2021.',
      tags: ['court', 'filing'],
      updatedAt: '2026-12-01T16:21:00.000Z',
    });
    expect('quote' in b).toBe(false);
    expect(await db.get('notes', a.id)).toEqual(b);
  });

  it('removes the tags key when no tag is left, and edits the quote', async () => {
    const db = await freshDb();
    const a = await putNote(db, note());
    const b = await updateNote(db, { id: a.id, text: a.text, quote: 'Acme said so, twice.', tags: [] }, '2026-12-01T00:00:00.000Z');
    expect(b.quote).toBe('Acme said so, twice.');
    expect('tags' in b).toBe(false);
  });

  it('never dates an edit before the note was written (a clock set back)', async () => {
    const db = await freshDb();
    const a = await putNote(db, note());
    expect((await updateNote(db, { id: a.id, text: 'x', quote: null, tags: [] }, '2020-01-01T00:00:00.000Z')).updatedAt).toBe(a.createdAt);
  });

  it('says so when the note is gone, and writes nothing when the edit is invalid', async () => {
    const db = await freshDb();
    await expect(updateNote(db, { id: 'no-such-note-1', text: 'x', quote: null, tags: [] })).rejects.toBeInstanceOf(NoteMissingError);
    const a = await putNote(db, note());
    await expect(updateNote(db, { id: a.id, text: '   ', quote: null, tags: [] })).rejects.toThrow();
    expect(await db.get('notes', a.id)).toEqual(a);
  });
});

describe('saving over an existing note', () => {
  it('refuses to change its entity or creation date, and writes nothing', async () => {
    const db = await freshDb();
    const a = await putNote(db, note());
    await expect(putNote(db, { ...a, entityKey: 'test.sample:other', text: 'moved' })).rejects.toBeInstanceOf(NoteConflictError);
    await expect(putNote(db, { ...a, createdAt: '2020-01-01T00:00:00.000Z', text: 'backdated' })).rejects.toBeInstanceOf(NoteConflictError);
    expect(await db.get('notes', a.id)).toEqual(a);
    // The same note with a new text and date is a replacement, as before.
    await putNote(db, { ...a, text: 'replaced', updatedAt: '2026-11-02T00:00:00.000Z' });
    expect((await db.get('notes', a.id))?.text).toBe('replaced');
  });
});

describe('delete and undo', () => {
  it('gives back the note as stored, which saves back identical', async () => {
    const db = await freshDb();
    const a = await putNote(db, note());
    const edited = await updateNote(db, { id: a.id, text: 'edited', quote: 'q', tags: ['x'] }, '2026-12-01T00:00:00.000Z');
    const gone = await deleteNote(db, a.id);
    expect(gone).toEqual(edited);
    expect((await listNotes(db)).notes).toEqual([]);
    await putNote(db, gone!);
    expect(await db.get('notes', a.id)).toEqual(edited);
    expect(await deleteNote(db, 'no-such-note-1')).toBeNull();
  });
});

describe('tags in use', () => {
  it('counts each tag once per note, whatever its case, most used first', async () => {
    const db = await freshDb();
    await putNote(db, note({ tags: ['court', 'privacy'] }));
    await putNote(db, note({ tags: ['Court'] }));
    await putNote(db, note({ tags: ['court', 'fine'] }));
    await putNote(db, note({ tags: undefined }));
    await db.put('notes', { id: 'broken-row-1', tags: ['unreadable'] } as unknown as Note);
    expect(await listTags(db)).toEqual([
      { tag: 'court', count: 3 },
      { tag: 'fine', count: 1 },
      { tag: 'privacy', count: 1 },
    ]);
  });
});

describe('drafts', () => {
  const KEY = 'test.sample:acme';

  it('keeps the latest revision, even when an older write arrives after it', async () => {
    const db = await freshDb();
    expect(await getDraft(db, KEY)).toBeNull();
    expect(await putDraft(db, KEY, { text: 'Half a th', tags: [], rev: 10 }, 1_000)).toBe(true);
    expect(await putDraft(db, KEY, { text: 'Half a thought', tags: ['court'], rev: 12 }, 1_001)).toBe(true);
    expect(await putDraft(db, KEY, { text: 'Half a tho', tags: [], rev: 11 }, 1_002)).toBe(false);
    expect(await getDraft(db, KEY, 2_000)).toEqual({ text: 'Half a thought', tags: ['court'], rev: 12, savedAt: 1_001 });
    expect(await getDraft(db, 'test.sample:other', 2_000)).toBeNull();
  });

  it('an emptied draft (the note was saved) is not brought back by a late keystroke', async () => {
    const db = await freshDb();
    await putDraft(db, KEY, { text: '', tags: [], rev: 20 }, 1_000);
    await putDraft(db, KEY, { text: 'late', tags: [], rev: 19 }, 1_001);
    expect((await getDraft(db, KEY, 1_002))?.text).toBe('');
  });

  it('drops a draft older than 30 days', async () => {
    const db = await freshDb();
    await putDraft(db, KEY, { text: 'old', tags: [], rev: 1 }, 1_000);
    expect(await getDraft(db, KEY, 1_000 + DRAFT_MAX_AGE_MS)).not.toBeNull();
    expect(await getDraft(db, KEY, 1_001 + DRAFT_MAX_AGE_MS)).toBeNull();
    expect(await db.get('meta', `draft:${KEY}`)).toBeUndefined();
  });

  it('goes with "delete all my data"', async () => {
    const db = await freshDb();
    await putDraft(db, KEY, { text: 'private', tags: [], rev: 1 });
    await deleteAllData(db);
    expect(await getDraft(db, KEY)).toBeNull();
  });
});
