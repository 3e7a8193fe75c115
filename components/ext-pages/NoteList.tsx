import type { Note } from '@/utils/schema/note';
import { panelText } from './panel-strings';
import { formatDate } from '../card/labels';

/** The saved notes, each with its quote, date, page title and a delete button. */
export function NoteList({ notes, lang, onDelete }: { notes: Note[]; lang: string; onDelete: (id: string) => void }) {
  if (notes.length === 0) return <p class="muted small">{panelText('noNotes', lang)}</p>;
  return (
    <ul class="plain note-list">
      {notes.map((n) => (
        <li class="note" key={n.id}>
          {n.quote && <blockquote class="note-quote">{n.quote}</blockquote>}
          <p class="note-text">{n.text}</p>
          {/* One date style per language: the facts' ("3 Sept 2024"), not the browser's "12/1/2026, 4:21:48 PM". */}
          <time dateTime={n.updatedAt}>{formatDate(n.updatedAt.slice(0, 10), lang)}</time>
          {n.pageTitle && <span class="muted small"> · {n.pageTitle}</span>}{' '}
          <button type="button" class="small" onClick={() => onDelete(n.id)}>
            {panelText('delete', lang)}
          </button>
        </li>
      ))}
    </ul>
  );
}
