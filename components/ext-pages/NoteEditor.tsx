import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '@/utils/schema/note';
import { NOTE_LIMITS } from '@/utils/schema/note';
import { addTags } from '@/utils/schema/note-tags';
import { send } from '@/utils/ext-pages/send';
import { t } from '@/utils/i18n';
import { TagInput, useTagsInUse } from './TagInput';

export interface NoteEditorProps {
  note: Note;
  /** The note as the worker stored it (same id and createdAt, a new updatedAt). */
  onSaved: (note: Note) => void;
  onCancel: () => void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A saved note's text, quote (edited or removed) and tags, edited in place. Ctrl/Cmd+Enter saves,
 * Esc cancels; a failed save keeps what the reader typed and says why. The worker keeps the note's
 * id, entity, page and creation date whatever this form holds (note.update).
 */
export function NoteEditor({ note, onSaved, onCancel }: NoteEditorProps) {
  const [text, setText] = useState(note.text);
  const [quote, setQuote] = useState(note.quote ?? '');
  const [tags, setTags] = useState<string[]>(note.tags ?? []);
  const [typedTag, setTypedTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inUse = useTagsInUse();
  const textBox = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => textBox.current?.focus(), []);

  const save = async () => {
    if (busy || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { note: saved } = await send('note.update', {
        id: note.id,
        text,
        quote: quote.trim() ? quote : null,
        // What is still typed in the tag box counts: the reader pressed Save, not Enter.
        tags: typedTag.trim() ? addTags(tags, [typedTag]) : tags,
      });
      onSaved(saved);
    } catch (e) {
      setError(`${t('panel.saveFailed')} ${errorText(e)}`);
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <div class="note-editor" onKeyDown={onKeyDown}>
      <textarea
        ref={textBox}
        aria-label={t('panel.editNoteText')}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        maxLength={NOTE_LIMITS.text}
      />
      {(note.quote || quote) && (
        <div class="note-editor-quote">
          <label class="small">
            {t('panel.noteQuote')}
            <textarea value={quote} onInput={(e) => setQuote((e.target as HTMLTextAreaElement).value)} maxLength={NOTE_LIMITS.quote} />
          </label>
          <button type="button" class="small" onClick={() => setQuote('')}>
            {t('panel.removeQuote')}
          </button>
        </div>
      )}
      <TagInput
        tags={tags}
        typed={typedTag}
        onChange={(t, typed) => {
          setTags(t);
          setTypedTag(typed);
        }}
        inUse={inUse}
      />
      <p class="note-editor-actions">
        <button type="button" class="primary" disabled={busy || !text.trim()} onClick={() => void save()}>
          {t('panel.saveEdit')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('panel.cancel')}
        </button>{' '}
        <span class="muted small">{t('panel.editHint')}</span>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
