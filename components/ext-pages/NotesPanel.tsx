import { useEffect, useState } from 'preact/hooks';
import type { Note } from '@/utils/schema/note';
import { send } from '@/utils/ext-pages/send';
import { panelText } from './panel-strings';

export interface NotesPanelProps {
  entityKey: string;
  entityName: string;
  page: { url: string | null; title: string | null };
  /** Text the reader selected on the page before opening the panel. */
  quote?: string | null;
  lang: string;
}

const draftKey = (entityKey: string) => `draft:${entityKey}`;

/** The reader's own notes on an entity. The draft survives a failed save or a closed panel. */
export function NotesPanel({ entityKey, entityName, page, quote, lang }: NotesPanelProps) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [draft, setDraft] = useState(() => sessionStorage.getItem(draftKey(entityKey)) ?? '');
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Unticked: the quote came from the page, which may have changed the selection; the reader decides.
  const [useQuote, setUseQuote] = useState(false);

  const refresh = () =>
    send('notes.list', { entityKey }).then(
      (r) => setNotes(r.notes),
      (e) => setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
  useEffect(() => {
    setDraft(sessionStorage.getItem(draftKey(entityKey)) ?? '');
    void refresh();
  }, [entityKey]);

  const edit = (v: string) => {
    setDraft(v);
    sessionStorage.setItem(draftKey(entityKey), v);
  };

  const save = async () => {
    const text = draft.trim();
    if (!text) return;
    setBusy(true);
    setStatus({ kind: 'info', text: panelText('saving', lang) });
    const now = new Date().toISOString();
    const url = page.url && /^https?:/.test(page.url) ? page.url : undefined;
    try {
      await send('note.save', {
        note: {
          id: crypto.randomUUID(),
          entityKey,
          entityName,
          pageUrl: url,
          pageTitle: page.title?.slice(0, 500) || undefined,
          quote: quote && useQuote ? quote : undefined,
          text,
          createdAt: now,
          updatedAt: now,
        },
      });
      edit('');
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

  return (
    <section class="notes">
      <h2>{panelText('notes', lang)}</h2>
      <p class="muted small">{panelText('notesPrivate', lang)}</p>
      {quote && (
        <label class="small quote-option">
          <input type="checkbox" checked={useQuote} onChange={(e) => setUseQuote((e.target as HTMLInputElement).checked)} /> {panelText('withQuote', lang)}{' '}
          <q>{quote}</q>
        </label>
      )}
      <textarea
        aria-label={panelText('notes', lang)}
        placeholder={panelText('notePlaceholder', lang)}
        value={draft}
        onInput={(e) => edit((e.target as HTMLTextAreaElement).value)}
        maxLength={20000}
      />
      <p>
        <button class="primary" type="button" disabled={busy || !draft.trim()} onClick={save}>
          {panelText('addNote', lang)}
        </button>
      </p>
      {status && (
        <p class={status.kind === 'error' ? 'error' : 'muted small'} role="status">
          {status.text}
        </p>
      )}
      {notes.length === 0 ? (
        <p class="muted small">{panelText('noNotes', lang)}</p>
      ) : (
        <ul class="plain note-list">
          {notes.map((n) => (
            <li class="note" key={n.id}>
              {n.quote && <blockquote class="note-quote">{n.quote}</blockquote>}
              <p class="note-text">{n.text}</p>
              <time dateTime={n.updatedAt}>{new Date(n.updatedAt).toLocaleString(lang)}</time>
              {n.pageTitle && <span class="muted small"> · {n.pageTitle}</span>}{' '}
              <button type="button" class="small" onClick={() => remove(n.id)}>
                {panelText('delete', lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
