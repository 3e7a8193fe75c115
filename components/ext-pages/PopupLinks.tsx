import { browser } from 'wxt/browser';
import { libraryUrl, openLibrary } from '@/utils/ext-pages/library-link';
import { plural, t } from '@/utils/i18n';

/** The popup's ways out: the options page and the notes library. Links (with real addresses), opened by the extension's own APIs. */
export function PopupLinks() {
  return (
    <nav class="popup-links small">
      <a
        href={browser.runtime.getURL('/options.html')}
        onClick={(e) => {
          e.preventDefault();
          // Focuses the options page if it is already open, rather than opening a second one.
          void browser.runtime.openOptionsPage();
        }}
      >
        {t('panel.openOptions')}
      </a>
      <LibraryLink>{t('panel.openLibrary')}</LibraryLink>
    </nav>
  );
}

/** "3 notes written on this page", opening the library filtered to this page. */
export function NotesOnPageLink({ count, pageUrl }: { count: number; pageUrl: string | null }) {
  return (
    <p class="small muted" data-testid="notes-on-page">
      <LibraryLink page={pageUrl}>{plural('panel.notesOnPage', count)}</LibraryLink>
    </p>
  );
}

function LibraryLink({ page, children }: { page?: string | null; children: string }) {
  return (
    <a
      href={libraryUrl({ page: page ?? '' })}
      onClick={(e) => {
        e.preventDefault();
        void openLibrary({ page: page ?? '' });
      }}
    >
      {children}
    </a>
  );
}
