import { useState } from 'preact/hooks';
import { panelText } from './panel-strings';
import { NoteList } from './NoteList';
import { newNote, useDraft, useNotes, type NoteStatus } from './use-notes';

export interface NotesPanelProps {
  entityKey: string;
  entityName: string;
  page: { url: string | null; title: string | null };
  /** Text the reader selected on the page before opening the panel. */
  quote?: string | null;
  lang: string;
}

/** The reader's own notes on an entity. The draft survives a failed save or a closed panel. */
export function NotesPanel(props: NotesPanelProps) {
  const { entityKey, quote, lang } = props;
  const [draft, edit] = useDraft(entityKey);
  const { notes, status, busy, save, remove } = useNotes(entityKey, lang);
  // Unticked: the quote came from the page, which may have changed the selection; the reader decides.
  const [useQuote, setUseQuote] = useState(false);

  const add = async () => {
    const text = draft.trim();
    if (!text || busy) return;
    // The next note starts without the quote: it would otherwise silently carry the same one.
    await save(newNote(props, text, useQuote), () => {
      edit('');
      setUseQuote(false);
    });
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
      <h2>{panelText('notes', lang)}</h2>
      <p class="muted small">{panelText('notesPrivate', lang)}</p>
      {quote && <QuoteOption quote={quote} checked={useQuote} onChange={setUseQuote} lang={lang} />}
      <textarea
        aria-label={panelText('notes', lang)}
        placeholder={panelText('notePlaceholder', lang)}
        value={draft}
        onInput={(e) => edit((e.target as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
        maxLength={20000}
      />
      <p>
        <button class="primary" type="button" disabled={busy || !draft.trim()} onClick={add}>
          {panelText('addNote', lang)}
        </button>
      </p>
      {status && <StatusLine status={status} />}
      <NoteList notes={notes} lang={lang} onDelete={remove} />
    </section>
  );
}

function QuoteOption({ quote, checked, onChange, lang }: { quote: string; checked: boolean; onChange: (checked: boolean) => void; lang: string }) {
  return (
    <label class="small quote-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} /> {panelText('withQuote', lang)}{' '}
      <q>{quote}</q>
    </label>
  );
}

function StatusLine({ status }: { status: NoteStatus }) {
  return (
    <p class={status.kind === 'error' ? 'error' : 'muted small'} role="status">
      {status.text}
    </p>
  );
}
