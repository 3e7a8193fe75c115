import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  facetsOf,
  filterFromParams,
  filterNotes,
  filterToParams,
  isFiltered,
  mergeNewestFirst,
  NO_FILTER,
  NotesIndex,
  tagKey,
  type NoteFilter,
} from '@/utils/notes-search';
import type { Note } from '@/utils/schema/note';
import { scopeOfFilter } from '@/utils/notes-export-scope';
import { cleanPageUrl } from '@/utils/url/clean-page-url';
import { ExportMenu } from '../ExportMenu';
import { formatNumber, plural, t, uiLang } from '@/utils/i18n';
import { matchCountText } from '../notes-strings';
import { LibraryFilters } from './LibraryFilters';
import { LibraryNote } from './LibraryNote';
import { useLibraryNotes } from './use-library-notes';
import { useEntityNames } from './use-entity-names';
import { markFirstRender, markInput, markResults } from './timing';

/** Rows rendered at a time: a keystroke re-renders at most this many, whatever the number of notes. */
export const PAGE_SIZE = 50;

/** The filter in the address, so a reload (or a link from the popup or side panel) shows the same notes. */
function useFilterInUrl(): [NoteFilter, (f: (prev: NoteFilter) => NoteFilter) => void] {
  const [filter, setFilter] = useState<NoteFilter>(() => filterFromParams(new URLSearchParams(location.search)));
  useEffect(() => {
    const p = filterToParams(filter).toString();
    if (location.search.replace(/^\?/, '') !== p) history.replaceState(history.state, '', p ? `?${p}` : location.pathname);
  }, [filter]);
  return [filter, setFilter];
}

/** The notes library: every note, newest first, searched and filtered as the reader types. */
export function LibraryPage() {
  const [notes, edits] = useLibraryNotes();
  // Notes deleted here, kept on screen (where they were, if the filters would show them) for their Undo.
  const [deleted, setDeleted] = useState<ReadonlyMap<string, Note>>(new Map());
  const [filter, setFilter] = useFilterInUrl();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const ready = notes.state === 'ready' ? notes : null;
  const index = ready?.index ?? null;
  const version = ready?.version ?? 0;
  const unreadable = ready?.unreadable ?? 0;
  // The index grows in place as pages of notes arrive: `version` says when.
  const stored = useMemo(() => (index ? facetsOf(index) : { entities: [], tags: [], sites: [] }), [index, version]);
  // Entities are shown by their name in the reader's language, where their pack is still installed.
  const names = useEntityNames(
    stored.entities.map((f) => f.value),
    uiLang(),
  );
  const facets = useMemo(() => ({ ...stored, entities: stored.entities.map((f) => ({ ...f, label: names.get(f.value) ?? f.label })) }), [stored, names]);
  const matched = useMemo(() => (index ? filterNotes(index, filter) : []), [index, version, filter]);
  const deletedIndex = useMemo(() => (deleted.size ? new NotesIndex([...deleted.values()]) : null), [deleted]);
  const rows = useMemo(() => (deletedIndex ? mergeNewestFirst(matched, filterNotes(deletedIndex, filter)) : matched), [matched, deletedIndex, filter]);
  const filtered = isFiltered(filter);
  const saved = (note: Note) => {
    edits.saved(note);
    if (deleted.has(note.id)) setDeleted((m) => new Map([...m].filter(([id]) => id !== note.id)));
  };
  const removed = (note: Note) => {
    edits.removed(note);
    setDeleted((m) => new Map(m).set(note.id, note));
  };

  useEffect(() => {
    if (!index) return;
    markFirstRender();
    markResults();
  }, [index, matched, limit]);

  const change = (patch: Partial<NoteFilter>, e?: Event) => {
    if (e) markInput(e);
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE_SIZE);
  };

  const entityName = facets.entities.find((f) => f.value === filter.entity)?.label ?? filter.entity;
  const pageUrl = filter.page ? cleanPageUrl(filter.page) : '';
  const pageTitle = (pageUrl && matched.find((n) => n.pageUrl === pageUrl)?.pageTitle) || pageUrl;
  // The select lists a tag in its newest spelling; the address may carry another.
  const tagValue = facets.tags.find((f) => tagKey(f.value) === tagKey(filter.tag))?.value ?? filter.tag;

  return (
    <main class="library">
      <header class="lib-header">
        <h1>{t('notes.libraryTitle')}</h1>
        <p class="muted small">{t('notes.libraryPrivate')}</p>
      </header>
      <LibraryFilters filter={{ ...filter, tag: tagValue }} facets={facets} onChange={change} />
      {pageUrl && (
        <p class="lib-chip" data-testid="page-filter">
          <span class="muted">{t('notes.onPage')}</span> <strong>{pageTitle}</strong>{' '}
          <button type="button" class="link" onClick={(e) => change({ page: '' }, e)}>
            {t('notes.allPages')}
          </button>
        </p>
      )}
      {notes.state === 'loading' && <p class="muted">{t('notes.loading')}</p>}
      {notes.state === 'error' && (
        <p class="error" role="alert">
          {notes.message}
        </p>
      )}
      {index && (
        <>
          <div class="lib-summary">
            <p class="lib-count" role="status" data-testid="match-count">
              {matchCountText(matched.length, index.size, filtered)}
            </p>
            {filtered && (
              <button type="button" onClick={(e) => change(NO_FILTER, e)}>
                {t('notes.clearFilters')}
              </button>
            )}
          </div>
          {matched.length > 0 && (
            <section class="lib-export">
              <ExportMenu
                choices={[
                  {
                    label: filtered ? plural('notes.shownScope', matched.length) : t('notes.scopeAll'),
                    scope: scopeOfFilter(filter, entityName),
                    notes: matched,
                  },
                ]}
              />
            </section>
          )}
          {ready && !ready.complete && (
            <p class="small muted" data-testid="still-loading">
              {plural('notes.loadingMore', ready.total, { loaded: formatNumber(index.size) })}
            </p>
          )}
          {ready?.problem && (
            <p class="error" role="alert">
              {ready.problem}
            </p>
          )}
          {unreadable > 0 && <p class="small error">{plural('notes.unreadable', unreadable)}</p>}
          {index.size === 0 && rows.length === 0 ? (
            <p class="lib-empty">{t('notes.empty')}</p>
          ) : rows.length === 0 ? (
            <p class="lib-empty">{t('notes.noMatch')}</p>
          ) : (
            <ul class="plain lib-list">
              {rows.slice(0, limit).map((n) => (
                <LibraryNote
                  key={n.id}
                  note={n}
                  entityName={names.get(n.entityKey)}
                  onEntity={(entity) => change({ entity })}
                  onTag={(tag) => change({ tag })}
                  onSaved={saved}
                  onDeleted={removed}
                />
              ))}
            </ul>
          )}
          {rows.length > limit && (
            <p>
              <button type="button" class="lib-more" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
                {t('notes.showMore', { count: formatNumber(Math.min(PAGE_SIZE, rows.length - limit)) })}
              </button>
            </p>
          )}
        </>
      )}
    </main>
  );
}
