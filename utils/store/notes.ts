import { Note } from '../schema/note';
import type { DB } from './db';

/** Notes are what the user cannot get back: every write asks for strict durability. */
const STRICT = { durability: 'strict' } as const;

export async function putNote(db: DB, note: Note): Promise<Note> {
  const valid = Note.parse(note);
  const tx = db.transaction('notes', 'readwrite', STRICT);
  await Promise.all([tx.store.put(valid), tx.done]);
  return valid;
}

export async function deleteNote(db: DB, id: string): Promise<void> {
  const tx = db.transaction('notes', 'readwrite', STRICT);
  await Promise.all([tx.store.delete(id), tx.done]);
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
    if (p.success) notes.push(p.data);
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

export async function countNotesForPage(db: DB, pageUrl: string): Promise<number> {
  return db.countFromIndex('notes', 'pageUrl', pageUrl);
}

/** Restore notes from a backup in one transaction: all of them or none. Same ids are overwritten. */
export async function importNotes(db: DB, notes: Note[]): Promise<number> {
  const valid = notes.map((n) => Note.parse(n));
  const tx = db.transaction('notes', 'readwrite', STRICT);
  await Promise.all([...valid.map((n) => tx.store.put(n)), tx.done]);
  return valid.length;
}
