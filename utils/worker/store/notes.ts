import { Note, normalizeTags } from '../../schema/note';
import { cleanPageUrl } from '../../url/clean-page-url';
import { countTags, type TagCount } from '../../schema/note-tags';
import type { DB } from './db';
import { plural, t } from '../../i18n';

/** Notes are what the user cannot get back: every write asks for strict durability. */
const STRICT = { durability: 'strict' } as const;

/**
 * Validated, with the page URL cleaned (a note never stores tokens the page's URL carried) and the
 * tags normalised (no empties or case-insensitive repeats; none at all is no `tags` key, as on notes
 * written before tags existed).
 */
function checked(note: Note): Note {
  const { tags, ...valid } = Note.parse(note);
  const clean: Note = valid.pageUrl === undefined ? valid : { ...valid, pageUrl: cleanPageUrl(valid.pageUrl) };
  const kept = normalizeTags(tags ?? []);
  return kept.length ? { ...clean, tags: kept } : clean;
}

/** A save that would silently rewrite what a stored note is: its entity or when it was written. */
export class NoteConflictError extends Error {}

/**
 * Create a note, restore a deleted one as it was (undo), or replace one. Replacing keeps what the
 * note is: a note with this id already stored must have the same `entityKey` and `createdAt`, or
 * nothing is written (an edit goes through updateNote, which cannot change them).
 */
export async function putNote(db: DB, note: Note): Promise<Note> {
  const valid = checked(note);
  const tx = db.transaction('notes', 'readwrite', STRICT);
  const stored = await tx.store.get(valid.id);
  if (stored && (stored.entityKey !== valid.entityKey || stored.createdAt !== valid.createdAt)) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new NoteConflictError(t('errors.noteConflict', { id: valid.id, entity: stored.entityKey, date: stored.createdAt }));
  }
  await Promise.all([tx.store.put(valid), tx.done]);
  return valid;
}

/** What an edit may change: the reader's text, the quote (null removes it) and the tags. */
export interface NoteEdit {
  id: string;
  text: string;
  quote: string | null;
  tags: string[];
}

/** There is no stored note with this id (deleted meanwhile, in another window). */
export class NoteMissingError extends Error {}

/**
 * Edit a stored note in one transaction: its id, entity, page and `createdAt` are the stored ones,
 * whatever the caller holds; `updatedAt` is now.
 */
export async function updateNote(db: DB, edit: NoteEdit, now = new Date().toISOString()): Promise<Note> {
  const tx = db.transaction('notes', 'readwrite', STRICT);
  const stored = await tx.store.get(edit.id);
  const parsed = Note.safeParse(stored);
  if (!parsed.success) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new NoteMissingError(stored ? t('errors.noteUnreadable') : t('errors.noteGone'));
  }
  const next: Note = { ...parsed.data, text: edit.text, tags: edit.tags };
  if (edit.quote) next.quote = edit.quote;
  else delete next.quote;
  // A clock set back must not date the edit before the note itself.
  next.updatedAt = now > next.createdAt ? now : next.createdAt;
  let valid: Note;
  try {
    valid = checked(next);
  } catch (e) {
    tx.abort();
    await tx.done.catch(() => {});
    throw e;
  }
  await Promise.all([tx.store.put(valid), tx.done]);
  return valid;
}

/** Delete one note; the note as it was stored comes back (undo puts it back with putNote), or null if there was none. */
export async function deleteNote(db: DB, id: string): Promise<Note | null> {
  const tx = db.transaction('notes', 'readwrite', STRICT);
  const stored = await tx.store.get(id);
  await Promise.all([tx.store.delete(id), tx.done]);
  const parsed = Note.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Every tag in use, read with a cursor so the notes are never all held at once. Unreadable rows are skipped. */
export async function listTags(db: DB): Promise<TagCount[]> {
  const tagged: Pick<Note, 'tags'>[] = [];
  for (let c = await db.transaction('notes').store.openCursor(); c; c = await c.continue()) {
    const p = Note.safeParse(c.value);
    if (p.success && p.data.tags) tagged.push({ tags: p.data.tags });
  }
  return countTags(tagged);
}

export interface NoteList {
  notes: Note[];
  /** Rows that no longer match the schema: kept in the database, reported, never shown broken. */
  quarantined: number;
}

function sortAndCheck(rows: unknown[]): NoteList {
  const notes: Note[] = [];
  let quarantined = 0;
  for (const r of rows) {
    const p = Note.safeParse(r);
    // Stored URLs are cleaned on write and by upgrade 3; cleaning again keeps exports safe regardless.
    if (p.success) notes.push(p.data.pageUrl === undefined ? p.data : { ...p.data, pageUrl: cleanPageUrl(p.data.pageUrl) });
    else quarantined++;
  }
  notes.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { notes, quarantined };
}

export async function listNotesByEntity(db: DB, entityKey: string): Promise<NoteList> {
  return sortAndCheck(await db.getAllFromIndex('notes', 'entityKey', entityKey));
}

export async function listNotes(db: DB): Promise<NoteList> {
  return sortAndCheck(await db.getAll('notes'));
}

/** Where a page of notes ended: the next page starts after this note, newest first. */
export interface NotesCursor {
  updatedAt: string;
  id: string;
}

export interface NotesPage extends NoteList {
  /** Where the next page starts, or null when this was the last one. */
  next: NotesCursor | null;
  /** Stored rows, readable or not: how many the whole list will have, at most (first page only: counting reads the whole index). */
  total: number | null;
}

/**
 * Up to `limit` notes, newest first (updatedAt, then id, both descending), after `after`: the notes
 * library asks for a first page it can show at once, then the rest in pages, instead of one message
 * holding 10,000 notes. Read through the updatedAt index, so a page costs its own rows, not the store's.
 */
export async function listNotesPage(db: DB, limit: number, after?: NotesCursor): Promise<NotesPage> {
  const tx = db.transaction('notes');
  const total = after ? null : await tx.store.count();
  let c = await tx.store.index('updatedAt').openCursor(after ? IDBKeyRange.upperBound(after.updatedAt) : null, 'prev');
  // Notes sharing `after`'s date sort by id: skip those already sent (one jump, then the cursor's own row).
  if (c && after && c.key === after.updatedAt && c.primaryKey >= after.id) {
    if (c.primaryKey > after.id) c = await c.continuePrimaryKey(after.updatedAt, after.id);
    if (c && c.key === after.updatedAt && c.primaryKey === after.id) c = await c.continue();
  }
  const rows: unknown[] = [];
  let last: NotesCursor | null = null;
  for (; c && rows.length < limit; c = await c.continue()) {
    rows.push(c.value);
    last = { updatedAt: c.key, id: c.primaryKey };
  }
  const more = !!c;
  await tx.done;
  const { notes, quarantined } = sortAndCheck(rows);
  // sortAndCheck orders by date alone; within a page, ties keep the cursor's order (id descending).
  return { notes, quarantined, next: more ? last : null, total };
}

/** A stored row as plain JSON, so it survives messaging and a download whatever it holds. */
function asJson(row: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
  } catch {
    return { unreadable: String(row) };
  }
}

/** The rows that fail the note schema, as stored (in JSON form), so the reader can keep them. */
export async function listQuarantinedNotes(db: DB): Promise<unknown[]> {
  return (await db.getAll('notes')).filter((r) => !Note.safeParse(r).success).map(asJson);
}

/** The unreadable rows changed between what the reader saw (and downloaded) and the delete. */
export class QuarantineChangedError extends Error {}

/**
 * Delete the rows that fail the note schema, re-checked inside the transaction so a readable note
 * is never deleted; refused unless their count is still the one the reader was shown.
 */
export async function deleteQuarantinedNotes(db: DB, expected: number): Promise<number> {
  const tx = db.transaction('notes', 'readwrite', STRICT);
  const keys: string[] = [];
  for (let c = await tx.store.openCursor(); c; c = await c.continue()) if (!Note.safeParse(c.value).success) keys.push(c.primaryKey);
  if (keys.length !== expected) {
    tx.abort();
    await tx.done.catch(() => {});
    throw new QuarantineChangedError(plural('errors.quarantineChanged', keys.length, { expected }));
  }
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  return keys.length;
}

export async function countNotesForPage(db: DB, pageUrl: string): Promise<number> {
  return db.countFromIndex('notes', 'pageUrl', cleanPageUrl(pageUrl));
}

/** Restore notes from a backup in one transaction: all of them or none. Same ids are overwritten. */
export async function importNotes(db: DB, notes: Note[]): Promise<number> {
  const valid = notes.map(checked);
  const tx = db.transaction('notes', 'readwrite', STRICT);
  await Promise.all([...valid.map((n) => tx.store.put(n)), tx.done]);
  return valid.length;
}
