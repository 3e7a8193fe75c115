import { useEffect, useState } from 'preact/hooks';
import type { Note } from '@/utils/schema/note';
import type { Req } from '@/utils/messaging/protocol';
import { send } from '@/utils/ext-pages/send';
import { panelText } from './panel-strings';

export type NoteStatus = { kind: 'error' | 'info'; text: string };
export type NewNote = Req<'note.save'>['note'];

const draftKey = (entityKey: string) => `draft:${entityKey}`;

/** The note being written on an entity, kept in sessionStorage: it survives a failed save or a closed panel. */
export function useDraft(entityKey: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(() => sessionStorage.getItem(draftKey(entityKey)) ?? '');
  useEffect(() => {
    setDraft(sessionStorage.getItem(draftKey(entityKey)) ?? '');
  }, [entityKey]);
  const edit = (text: string) => {
    setDraft(text);
    sessionStorage.setItem(draftKey(entityKey), text);
  };
  return [draft, edit];
}

/**
 * A new note on an entity, written on `page`. The page's address goes along only if it is http(s);
 * the quote only if the reader chose to keep it.
 */
export function newNote(
  about: { entityKey: string; entityName: string; page: { url: string | null; title: string | null }; quote?: string | null },
  text: string,
  withQuote: boolean,
  now = new Date().toISOString(),
  id: string = crypto.randomUUID(),
): NewNote {
  const { entityKey, entityName, page, quote } = about;
  return {
    id,
    entityKey,
    entityName,
    pageUrl: page.url && /^https?:/.test(page.url) ? page.url : undefined,
    pageTitle: page.title?.slice(0, 500) || undefined,
    quote: quote && withQuote ? quote : undefined,
    text,
    createdAt: now,
    updatedAt: now,
  };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The reader's notes on an entity: loaded from the worker, saved and deleted there, with what went wrong. */
export function useNotes(entityKey: string, lang: string) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [status, setStatus] = useState<NoteStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    send('notes.list', { entityKey }).then(
      (r) => setNotes(r.notes),
      (e) => setStatus({ kind: 'error', text: messageOf(e) }),
    );
  useEffect(() => {
    void refresh();
  }, [entityKey]);

  /** `onSaved` runs once the worker has the note, before the list reloads. */
  const save = async (note: NewNote, onSaved: () => void) => {
    setBusy(true);
    setStatus({ kind: 'info', text: panelText('saving', lang) });
    try {
      await send('note.save', { note });
      onSaved();
      setStatus(null);
      await refresh();
    } catch (e) {
      setStatus({ kind: 'error', text: `${panelText('saveFailed', lang)} ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await send('note.delete', { id });
      await refresh();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  return { notes, status, busy, save, remove };
}
