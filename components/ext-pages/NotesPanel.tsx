import { useState } from 'preact/hooks';
import { addTags } from '@/utils/schema/note-tags';
import { NOTE_LIMITS } from '@/utils/schema/note';
import { t } from '@/utils/i18n';
import { NoteList } from './NoteList';
import { TagInput, useTagsInUse } from './TagInput';
import { newNote, useDraft, useNotes, type NoteStatus } from './use-notes';
import './notes.css';

export interface NotesPanelProps {
  entityKey: string;
  entityName: string;
  page: { url: string | null; title: string | null };
  /** Text the reader selected on the page before opening the panel. */
  quote?: string | null;
}

/** The reader's own notes on an entity. The draft survives a failed save or a closed panel. */
export function NotesPanel(props: NotesPanelProps) {
  const { entityKey, quote } = props;
  const [draftError, setDraftError] = useState<string | null>(null);
  const [draft, edit] = useDraft(entityKey, setDraftError);
  const [typedTag, setTypedTag] = useState('');
  const { notes, status, busy, save, saved, removed } = useNotes(entityKey);
  // Unticked: the quote came from the page, which may have changed the selection; the reader decides.
  const [useQuote, setUseQuote] = useState(false);
  // A note saved meanwhile brings new tags to suggest: asked again after each save.
  const [savedCount, setSavedCount] = useState(0);

  const add = async () => {
    const text = draft.text.trim();
    if (!text || busy) return;
    // What is still typed in the tag box counts: the reader pressed Save, not Enter.
    const tags = typedTag.trim() ? addTags(draft.tags, [typedTag]) : draft.tags;
    // The next note starts without the quote: it would otherwise silently carry the same one.
    await save(newNote({ ...props, tags }, text, useQuote), () => {
      edit({ text: '', tags: [] });
      setTypedTag('');
      setUseQuote(false);
      setSavedCount((n) => n + 1);
    });
  };
  // Only finished tags go into the kept draft: a keystroke in the tag box that ends none sends nothing.
  const onTags = (tags: string[], typed: string) => {
    setTypedTag(typed);
    if (tags.length !== draft.tags.length || tags.some((t, i) => t !== draft.tags[i])) edit({ ...draft, tags });
  };
  // Ctrl+Enter (Cmd+Enter on a Mac) saves, as in most note and comment boxes.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void add();
    }
  };

  return (
    <section class="notes">
      <h2>{t('panel.notes')}</h2>
      <p class="muted small">{t('panel.notesPrivate')}</p>
      <div class="note-new" onKeyDown={onKeyDown}>
        {quote && <QuoteOption quote={quote} checked={useQuote} onChange={setUseQuote} />}
        <textarea
          aria-label={t('panel.notes')}
          placeholder={t('panel.notePlaceholder')}
          value={draft.text}
          onInput={(e) => edit({ ...draft, text: (e.target as HTMLTextAreaElement).value })}
          maxLength={NOTE_LIMITS.text}
        />
        <NewNoteTags key={savedCount} tags={draft.tags} typed={typedTag} onChange={onTags} />
        <p>
          <button class="primary" type="button" disabled={busy || !draft.text.trim()} onClick={add}>
            {t('panel.addNote')}
          </button>
        </p>
      </div>
      <StatusLine status={status} />
      {draftError && <StatusLine status={{ kind: 'error', text: `${t('panel.draftNotKept')} ${draftError}` }} />}
      <NoteList notes={notes} onSaved={saved} onDeleted={removed} />
    </section>
  );
}

/** The new note's tags; mounted again after each save, so the suggestions include the tags just used. */
function NewNoteTags(props: { tags: string[]; typed: string; onChange: (tags: string[], typed: string) => void }) {
  const inUse = useTagsInUse();
  return <TagInput {...props} inUse={inUse} />;
}

function QuoteOption({ quote, checked, onChange }: { quote: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="small quote-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} /> {t('panel.withQuote')} <q>{quote}</q>
    </label>
  );
}

/** Always in the page, empty when there is nothing to say: a screen reader announces changes to a live region it already knows. */
function StatusLine({ status }: { status: NoteStatus | null }) {
  return (
    <p class={status?.kind === 'error' ? 'error' : 'muted small'} role="status">
      {status?.text}
    </p>
  );
}
