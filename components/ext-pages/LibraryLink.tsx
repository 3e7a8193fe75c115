import { browser } from 'wxt/browser';
import { filterToParams, NO_FILTER } from '@/utils/notes-search';
import { notesText } from './notes-strings';

/** The address of the notes library, showing one entity's notes when a key is given (the library's URL contract). */
export function libraryUrl(entityKey?: string | null): string {
  const p = filterToParams({ ...NO_FILTER, entity: entityKey ?? '' }).toString();
  return browser.runtime.getURL('/library.html') + (p ? `?${p}` : '');
}

/** The side panel's way to every note: the library in a new tab, on this entity's notes. */
export function LibraryLink({ entityKey, lang }: { entityKey?: string | null; lang: string }) {
  return (
    <p class="small library-link">
      <a href={libraryUrl(entityKey)} target="_blank" rel="noreferrer" title={notesText('libraryLinkTitle', lang)}>
        {notesText('libraryLink', lang)}
        <span aria-hidden="true"> ↗</span>
      </a>
    </p>
  );
}
