import type { Note } from '@/utils/schema/note';
import { panelText } from './panel-strings';
import { NoteItem } from './NoteItem';

export interface NoteListProps {
  notes: readonly Note[];
  lang: string;
  onSaved?: (note: Note) => void;
  onDeleted?: (note: Note) => void;
}

/** The saved notes, each editable and deletable in place (NoteItem). */
export function NoteList({ notes, lang, onSaved, onDeleted }: NoteListProps) {
  if (notes.length === 0) return <p class="muted small">{panelText('noNotes', lang)}</p>;
  return (
    <ul class="plain note-list">
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} lang={lang} onSaved={onSaved} onDeleted={onDeleted} />
      ))}
    </ul>
  );
}
