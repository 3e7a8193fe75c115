import { render } from 'preact';
import { LibraryPage } from '@/components/ext-pages/library/LibraryPage';
import { notesText } from '@/components/ext-pages/notes-strings';
import { applyDocumentLang } from '@/utils/i18n';
import '@/components/ext-pages/ext-page.css';
import '@/components/ext-pages/library/library.css';

const lang = navigator.language;
applyDocumentLang();
document.title = `Backstory — ${notesText('libraryTitle', lang)}`;
render(<LibraryPage lang={lang} />, document.getElementById('app')!);
