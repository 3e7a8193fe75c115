import { panelText } from './panel-strings';
import { libraryUrl } from '@/utils/ext-pages/library-link';
import { notesText } from './notes-strings';

/** The side panel's way to every note: the library in a new tab, on this entity's notes. */
export function LibraryLink({ entityKey, lang }: { entityKey?: string | null; lang: string }) {
  return (
    <p class="small library-link">
      <a href={libraryUrl({ entity: entityKey ?? '' })} target="_blank" rel="noreferrer" title={notesText('libraryLinkTitle', lang)}>
        {panelText('openLibrary', lang)}
        <span aria-hidden="true"> ↗</span>
      </a>
    </p>
  );
}
