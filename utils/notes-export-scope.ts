import type { Note } from './schema/note';
import { cleanPageUrl } from './url/clean-page-url';
import { hostOf } from './url/host';
import { foldForSearch, isFiltered, type NoteFilter } from './notes-search';

/**
 * Which notes an export holds, and what its file is called: a reader who exports this page's notes,
 * then all of them, gets two files they can tell apart. Pure; ExportMenu does the downloading.
 */
export type ExportScope = { kind: 'all' } | { kind: 'page'; url: string } | { kind: 'entity'; key: string; name: string } | { kind: 'filtered' };

/** The notes of `notes` that belong to the scope (a filtered scope's notes are chosen by the library). */
export function notesInScope(notes: readonly Note[], scope: ExportScope): Note[] {
  switch (scope.kind) {
    case 'page': {
      const url = cleanPageUrl(scope.url);
      return notes.filter((n) => n.pageUrl === url);
    }
    case 'entity':
      return notes.filter((n) => n.entityKey === scope.key);
    default:
      return [...notes];
  }
}

/** A name or host as a file-name part: folded to ASCII letters, digits, dots and dashes, at most 40 characters. */
export function fileSlug(s: string): string {
  return foldForSearch(s)
    .replace(/[^a-z0-9.]+|\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40)
    .replace(/[-.]+$/, '');
}

const two = (n: number) => String(n).padStart(2, '0');

/** The file's name without extension: scope, then the reader's local date and time (`2026-12-01-1621`). */
export function scopeFileBase(scope: ExportScope, at: Date): string {
  const stamp = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
  const part =
    scope.kind === 'all'
      ? 'all'
      : scope.kind === 'filtered'
        ? 'filtered'
        : scope.kind === 'page'
          ? `page-${fileSlug(hostOf(scope.url) ?? '') || 'unknown'}`
          : fileSlug(scope.name) || 'entity';
  return `backstory-notes-${part}-${stamp}`;
}

/**
 * What the library's current filter exports as: all notes when nothing is filtered, a page's or an
 * entity's when that is the only filter (so the file says so), otherwise "filtered".
 */
export function scopeOfFilter(f: NoteFilter, entityName: string): ExportScope {
  if (!isFiltered(f)) return { kind: 'all' };
  if (!isFiltered({ ...f, page: '' })) return { kind: 'page', url: f.page };
  if (!isFiltered({ ...f, entity: '' })) return { kind: 'entity', key: f.entity, name: entityName };
  return { kind: 'filtered' };
}
