import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import { formatDay } from '@/utils/i18n/dates';
import type { Note } from '@/utils/schema/note';
import { isHttpUrl } from '@/utils/url/http';
import { hostOf } from '@/utils/url/host';
import { NoteItem } from '../NoteItem';
import '../notes.css';

export interface LibraryNoteProps {
  note: Note;
  /** The entity's name in the reader's language, when its pack is installed; else the name the note keeps. */
  entityName?: string | undefined;
  onEntity: (key: string) => void;
  onTag: (tag: string) => void;
  /** After an edit or an Undo, as stored. */
  onSaved: (note: Note) => void;
  /** After a delete; the row then offers Undo while the page keeps it. */
  onDeleted: (note: Note) => void;
}

/**
 * One note in the library. Edit, Delete and Undo are the side panel's (NoteItem: one implementation,
 * the editor mounted only when Edit is clicked); the library shows its own view around them.
 */
export function LibraryNote({ note, entityName, onEntity, onTag, onSaved, onDeleted }: LibraryNoteProps) {
  return (
    <NoteItem
      note={note}
      class="lib-note"
      onSaved={onSaved}
      onDeleted={onDeleted}
      view={(shown, actions) => <LibraryNoteView note={shown} entityName={entityName} onEntity={onEntity} onTag={onTag} actions={actions} />}
    />
  );
}

/**
 * The note as the library reads it: its entity and tags narrow the list when clicked, its page opens
 * in a new tab without telling that page where the reader came from.
 */
function LibraryNoteView({
  note,
  entityName,
  onEntity,
  onTag,
  actions,
}: Pick<LibraryNoteProps, 'note' | 'entityName' | 'onEntity' | 'onTag'> & { actions: ComponentChildren }) {
  const written = note.createdAt.slice(0, 10);
  const edited = note.updatedAt.slice(0, 10);
  const url = note.pageUrl && isHttpUrl(note.pageUrl) ? note.pageUrl : null;
  return (
    <>
      <div class="lib-note-head">
        <button type="button" class="link lib-entity" title={t('notes.filterEntity')} onClick={() => onEntity(note.entityKey)}>
          {entityName ?? (note.entityName || note.entityKey)}
        </button>
        <span class="small muted">
          <time dateTime={note.createdAt}>{formatDay(note.createdAt)}</time>
          {edited !== written && (
            <>
              {' · '}
              {t('panel.noteEdited')} <time dateTime={note.updatedAt}>{formatDay(note.updatedAt)}</time>
            </>
          )}
        </span>
      </div>
      {note.quote && <blockquote class="lib-quote">{note.quote}</blockquote>}
      <p class="lib-text">{note.text}</p>
      {(note.tags?.length ?? 0) > 0 && (
        <ul class="plain lib-tags">
          {note.tags?.map((tag) => (
            <li key={tag}>
              <button type="button" class="lib-tag" title={t('notes.filterTag')} onClick={() => onTag(tag)}>
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="lib-note-foot">
        {(url || note.pageTitle) && (
          <p class="small lib-page">
            {url ? (
              <a href={url} target="_blank" rel="noreferrer">
                {note.pageTitle || url}
              </a>
            ) : (
              note.pageTitle
            )}
            {url && <span class="muted"> · {hostOf(url)}</span>}
          </p>
        )}
        {actions}
      </div>
    </>
  );
}
