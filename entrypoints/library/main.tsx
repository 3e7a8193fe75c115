import { render } from 'preact';
import { LibraryPage } from '@/components/ext-pages/library/LibraryPage';
import { applyDocumentLang, t } from '@/utils/i18n';
import '@/components/ext-pages/ext-page.css';
import '@/components/ext-pages/library/library.css';

applyDocumentLang();
document.title = `${t('ext.name')} — ${t('notes.libraryTitle')}`;
render(<LibraryPage />, document.getElementById('app')!);
