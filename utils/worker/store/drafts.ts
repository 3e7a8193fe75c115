import type { DB } from './db';

/**
 * The note being written on an entity, kept by the worker so it survives the side panel closing
 * (sessionStorage died with the panel's page). It lives in the `meta` store, out of reach of content
 * scripts (storage.local is readable by them) and wiped by "delete all my data" with the rest.
 */
export interface Draft {
  text: string;
  tags: string[];
  /** The panel's revision of this draft: a write older than the stored one is ignored (messages may cross). */
  rev: number;
  /** When the worker stored it (ms). */
  savedAt: number;
}

/** A draft left this long is dropped when next read: the reader has moved on. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const keyOf = (entityKey: string) => `draft:${entityKey}`;

function asDraft(value: unknown): Draft | null {
  const v = value as Partial<Draft> | null | undefined;
  if (!v || typeof v.text !== 'string' || typeof v.rev !== 'number' || typeof v.savedAt !== 'number') return null;
  return { text: v.text, tags: Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [], rev: v.rev, savedAt: v.savedAt };
}

/** The entity's draft, or null (none, unreadable, or older than DRAFT_MAX_AGE_MS, which is then deleted); an emptied draft keeps its revision. */
export async function getDraft(db: DB, entityKey: string, now = Date.now()): Promise<Draft | null> {
  const draft = asDraft((await db.get('meta', keyOf(entityKey)))?.value);
  if (draft && now - draft.savedAt > DRAFT_MAX_AGE_MS) {
    await db.delete('meta', keyOf(entityKey));
    return null;
  }
  return draft;
}

/**
 * Keep the entity's draft, unless a later revision is already stored. Read and write are one
 * transaction, so two crossing writes keep the later revision; an emptied draft (the note was
 * saved) is kept as such, with its revision, so a late keystroke cannot bring the text back.
 */
export async function putDraft(db: DB, entityKey: string, d: { text: string; tags: string[]; rev: number }, now = Date.now()): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const stored = asDraft((await tx.store.get(keyOf(entityKey)))?.value);
  if (stored && stored.rev > d.rev) {
    await tx.done;
    return false;
  }
  await Promise.all([tx.store.put({ key: keyOf(entityKey), value: { ...d, savedAt: now } }), tx.done]);
  return true;
}
