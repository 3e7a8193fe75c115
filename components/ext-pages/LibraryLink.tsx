import { t } from '@/utils/i18n';
import { libraryUrl } from '@/utils/ext-pages/library-link';

/** The side panel's way to every note: the library in a new tab, on this entity's notes. */
export function LibraryLink({ entityKey }: { entityKey?: string | null }) {
  return (
    <p class="small library-link">
      <a href={libraryUrl({ entity: entityKey ?? '' })} target="_blank" rel="noreferrer" title={t('notes.libraryLinkTitle')}>
        {t('panel.openLibrary')}
        <span aria-hidden="true"> ↗</span>
      </a>
    </p>
  );
}
