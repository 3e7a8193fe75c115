import type { Note } from '@/utils/schema/note';
import { isHttpUrl } from '@/utils/url/http';
import { hostOf } from '@/utils/url/host';
import { formatDay, notesText } from '../notes-strings';

/**
 * One note in the library, read-only: its entity and tags narrow the list when clicked, its page opens
 * in a new tab without telling that page where the reader came from.
 */
export function LibraryNote({ note, lang, onEntity, onTag }: { note: Note; lang: string; onEntity: (key: string) => void; onTag: (tag: string) => void }) {
  const written = note.createdAt.slice(0, 10);
  const edited = note.updatedAt.slice(0, 10);
  const url = note.pageUrl && isHttpUrl(note.pageUrl) ? note.pageUrl : null;
  return (
    <li class="lib-note" data-note-id={note.id}>
      <div class="lib-note-head">
        <button type="button" class="link lib-entity" title={notesText('filterEntity', lang)} onClick={() => onEntity(note.entityKey)}>
          {note.entityName || note.entityKey}
        </button>
        <span class="small muted">
          <time dateTime={note.createdAt}>{formatDay(written, lang)}</time>
          {edited !== written && (
            <>
              {' · '}
              {notesText('edited', lang)} <time dateTime={note.updatedAt}>{formatDay(edited, lang)}</time>
            </>
          )}
        </span>
      </div>
      {note.quote && <blockquote class="lib-quote">{note.quote}</blockquote>}
      <p class="lib-text">{note.text}</p>
      {(note.tags?.length ?? 0) > 0 && (
        <ul class="plain lib-tags">
          {note.tags?.map((t) => (
            <li key={t}>
              <button type="button" class="lib-tag" title={notesText('filterTag', lang)} onClick={() => onTag(t)}>
                {t}
              </button>
            </li>
          ))}
        </ul>
      )}
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
    </li>
  );
}
