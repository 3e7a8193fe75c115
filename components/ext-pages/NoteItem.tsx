import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '@/utils/schema/note';
import { send } from '@/utils/ext-pages/send';
import { t } from '@/utils/i18n';
import { formatDay } from '@/utils/i18n/dates';
import { NoteEditor } from './NoteEditor';
import { TagList } from './TagInput';

export interface NoteItemProps {
  note: Note;
  /** The note after an edit, or back after Undo: as the worker stored it. */
  onSaved?: (note: Note) => void;
  /**
   * The note was deleted (as it was stored). The item then shows "Note deleted. Undo" in its place:
   * the parent keeps it mounted for as long as Undo should be offered.
   */
  onDeleted?: (note: Note) => void;
  /** Added to the item's class (the library styles its rows its own way). */
  class?: string;
  /**
   * How the note reads when not being edited, given its Edit and Delete buttons: the library shows
   * its own header (filters, page link) around the same actions. The side panel's view by default.
   */
  view?: (note: Note, actions: ComponentChildren) => ComponentChildren;
}

type Mode = 'view' | 'edit' | 'deleted';
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One saved note: quote, text, tags, dates, page; Edit opens the editor in place, Delete deletes at
 * once and offers Undo right there. Deleting at once means a panel closed before Undo loses nothing
 * the reader meant to keep; Undo saves the note back as it was stored (same id, dates and tags).
 */
export function NoteItem({ note, onSaved, onDeleted, class: extra, view }: NoteItemProps) {
  const [shown, setShown] = useState(note);
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setShown(note), [note]);
  const root = useRef<HTMLLIElement>(null);
  // Where focus goes after the next render, so a keyboard reader never lands on a vanished button.
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    root.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await send('note.delete', { id: shown.id });
      // The stored note is the one to restore; the shown one if the reply was lost on a retry.
      const deleted = r.note ?? shown;
      setShown(deleted);
      focusNext.current = '.note-undo';
      setMode('deleted');
      onDeleted?.(deleted);
    } catch (e) {
      setError(`${t('panel.deleteFailed')} ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { note: back } = await send('note.save', { note: shown });
      setShown(back);
      focusNext.current = '.note-edit';
      setMode('view');
      onSaved?.(back);
    } catch (e) {
      setError(`${t('panel.undoFailed')} ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const cls = extra ? `note ${extra}` : 'note';
  const errorLine = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );
  if (mode === 'deleted')
    return (
      <li class={`${cls} note-deleted`} ref={root} data-note={shown.id}>
        <p role="status" class="small">
          {t('panel.noteDeleted')}{' '}
          <button type="button" class="note-undo" disabled={busy} onClick={() => void undo()}>
            {t('panel.undo')}
          </button>
        </p>
        {errorLine}
      </li>
    );
  if (mode === 'edit')
    return (
      <li class={cls} ref={root} data-note={shown.id}>
        <NoteEditor
          note={shown}
          onSaved={(saved) => {
            setShown(saved);
            focusNext.current = '.note-edit';
            setMode('view');
            onSaved?.(saved);
          }}
          onCancel={() => {
            focusNext.current = '.note-edit';
            setMode('view');
          }}
        />
      </li>
    );
  const actions = (
    <span class="note-actions">
      <button
        type="button"
        class="small note-edit"
        onClick={() => {
          setError(null);
          setMode('edit');
        }}
      >
        {t('panel.edit')}
      </button>{' '}
      <button type="button" class="small note-delete" disabled={busy} onClick={() => void remove()}>
        {t('panel.delete')}
      </button>
    </span>
  );
  return (
    <li class={cls} ref={root} data-note={shown.id}>
      {view ? (
        view(shown, actions)
      ) : (
        <>
          {shown.quote && <blockquote class="note-quote">{shown.quote}</blockquote>}
          <p class="note-text">{shown.text}</p>
          <TagList tags={shown.tags} />
          <NoteDates note={shown} />
          {shown.pageTitle && <span class="muted small"> · {shown.pageTitle}</span>} {actions}
        </>
      )}
      {errorLine}
    </li>
  );
}

/**
 * "written 3 Sept 2024", and "edited …" once the note changed after that: one date style per
 * language, the facts' ("3 Sept 2024"), not the browser's "12/1/2026, 4:21:48 PM".
 */
function NoteDates({ note }: { note: Note }) {
  return (
    <span class="note-dates small muted">
      {t('panel.noteWritten')} <time dateTime={note.createdAt}>{formatDay(note.createdAt)}</time>
      {note.updatedAt !== note.createdAt && (
        <>
          {' · '}
          {t('panel.noteEdited')} <time dateTime={note.updatedAt}>{formatDay(note.updatedAt)}</time>
        </>
      )}
    </span>
  );
}
