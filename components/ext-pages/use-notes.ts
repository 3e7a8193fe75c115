import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '@/utils/schema/note';
import type { Req } from '@/utils/messaging/protocol';
import { send } from '@/utils/ext-pages/send';
import { t } from '@/utils/i18n';

export type NoteStatus = { kind: 'error' | 'info'; text: string };
export type NewNote = Req<'note.save'>['note'];

export interface Draft {
  text: string;
  tags: string[];
}
const EMPTY: Draft = { text: '', tags: [] };

/**
 * The note being written on an entity. The worker keeps it (draft.get / draft.save, in its
 * IndexedDB, out of reach of web pages), so it survives a failed save and a closed panel:
 * sessionStorage died with the panel's page. Every change is sent at once, numbered, so the last one
 * wins even if messages cross; text typed before the stored draft arrives is not overwritten.
 * `onError` hears a draft that could not be kept (and null once one was).
 */
export function useDraft(entityKey: string, onError: (message: string | null) => void): [Draft, (d: Draft) => void] {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const rev = useRef(0);
  const touched = useRef(false);
  const current = useRef(entityKey);
  useEffect(() => {
    current.current = entityKey;
    touched.current = false;
    setDraft(EMPTY);
    send('draft.get', { entityKey }).then(
      (r) => {
        if (current.current !== entityKey || !r?.draft) return;
        rev.current = Math.max(rev.current, r.draft.rev);
        if (!touched.current) setDraft({ text: r.draft.text, tags: r.draft.tags });
      },
      (e) => onError((e as Error).message),
    );
  }, [entityKey]);
  const edit = (d: Draft) => {
    touched.current = true;
    setDraft(d);
    // Revisions grow across panel sessions (the clock) and within one (at least +1).
    rev.current = Math.max(Date.now(), rev.current + 1);
    send('draft.save', { entityKey, text: d.text, tags: d.tags, rev: rev.current }).then(
      () => onError(null),
      (e: Error) => onError(e.message),
    );
  };
  return [draft, edit];
}

/**
 * A new note on an entity, written on `page`. The page's address goes along only if it is http(s);
 * the quote only if the reader chose to keep it; tags only if there are some.
 */
export function newNote(
  about: { entityKey: string; entityName: string; page: { url: string | null; title: string | null }; quote?: string | null; tags?: string[] },
  text: string,
  withQuote: boolean,
  now = new Date().toISOString(),
  id: string = crypto.randomUUID(),
): NewNote {
  const { entityKey, entityName, page, quote, tags } = about;
  return {
    id,
    entityKey,
    entityName,
    pageUrl: page.url && /^https?:/.test(page.url) ? page.url : undefined,
    pageTitle: page.title?.slice(0, 500) || undefined,
    quote: quote && withQuote ? quote : undefined,
    text,
    ...(tags?.length ? { tags } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Newest written first: an edit does not move a note away from under the reader's eyes. */
const byCreatedDesc = (a: Note, b: Note) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

/**
 * The reader's notes on an entity: loaded from the worker, saved there, with what went wrong. A
 * deleted note stays in the list (its item offers Undo) until the panel moves to another entity.
 */
export function useNotes(entityKey: string) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [deleted, setDeleted] = useState<ReadonlyMap<string, Note>>(new Map());
  const [status, setStatus] = useState<NoteStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    send('notes.list', { entityKey }).then(
      (r) => setNotes(r.notes),
      (e) => setStatus({ kind: 'error', text: messageOf(e) }),
    );
  useEffect(() => {
    setDeleted(new Map());
    setStatus(null);
    void refresh();
  }, [entityKey]);

  /** `onSaved` runs once the worker has the note, before the list reloads. */
  const save = async (note: NewNote, onSaved: () => void) => {
    setBusy(true);
    setStatus({ kind: 'info', text: t('panel.saving') });
    try {
      await send('note.save', { note });
      onSaved();
      // Said, not only shown: the box empties and the note joins the list, which a screen reader does not announce.
      setStatus({ kind: 'info', text: t('a11y.noteSaved') });
      await refresh();
    } catch (e) {
      setStatus({ kind: 'error', text: `${t('panel.saveFailed')} ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const withoutDeleted = (id: string) =>
    setDeleted((m) => {
      if (!m.has(id)) return m;
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  /** An item's note after an edit or an Undo. */
  const saved = (note: Note) => {
    withoutDeleted(note.id);
    setNotes((list) => [...list.filter((n) => n.id !== note.id), note]);
  };
  /** An item's note was deleted: kept for its Undo. */
  const removed = (note: Note) => setDeleted((m) => new Map(m).set(note.id, note));

  const ids = new Set(notes.map((n) => n.id));
  const shown = [...notes, ...[...deleted.values()].filter((n) => !ids.has(n.id))].sort(byCreatedDesc);
  return { notes: shown, status, busy, save, saved, removed };
}
