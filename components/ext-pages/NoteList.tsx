import type { Note } from '@/utils/schema/note';
import { t } from '@/utils/i18n';
import { NoteItem } from './NoteItem';

export interface NoteListProps {
  notes: readonly Note[];
  onSaved?: (note: Note) => void;
  onDeleted?: (note: Note) => void;
}

/** The saved notes, each editable and deletable in place (NoteItem). */
export function NoteList({ notes, onSaved, onDeleted }: NoteListProps) {
  if (notes.length === 0) return <p class="muted small">{t('panel.noNotes')}</p>;
  return (
    <ul class="plain note-list">
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} onSaved={onSaved} onDeleted={onDeleted} />
      ))}
    </ul>
  );
}
