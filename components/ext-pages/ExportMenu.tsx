import { useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { notesToCsv } from '@/utils/export/csv';
import { notesToJson } from '@/utils/export/json';
import { notesToMarkdown } from '@/utils/export/markdown';
import { safeFileName } from '@/utils/export/filename';
import { downloadText } from '@/utils/ext-pages/download';
import { notesInScope, scopeFileBase, type ExportScope } from '@/utils/notes-export-scope';
import type { Note } from '@/utils/schema/note';
import { cleanPageUrl } from '@/utils/url/clean-page-url';
import { formatNumber, t } from '@/utils/i18n';
import { exportedScopeText } from './notes-strings';

type Format = 'md' | 'json' | 'csv';
const MIME: Record<Format, string> = { md: 'text/markdown', json: 'application/json', csv: 'text/csv' };

/** One set of notes the reader may export: its label, and its notes when the page already holds them (the library's filter). */
export interface ExportChoice {
  label: string;
  scope: ExportScope;
  notes?: readonly Note[];
}

/** The notes of a scope, asked of the worker when the page does not hold them. */
async function notesOf(choice: ExportChoice): Promise<Note[]> {
  if (choice.notes) return [...choice.notes];
  const { scope } = choice;
  const { notes } = await send('notes.list', scope.kind === 'entity' ? { entityKey: scope.key } : {});
  return notesInScope(notes, scope);
}

const ALL: ExportChoice[] = [{ label: '', scope: { kind: 'all' } }];

/** The popup's choices: all notes, and this page's (the tab's cleaned URL) when some were written on it. */
export function pageExportChoices(pageUrl: string | null | undefined, notesOnPage: number): ExportChoice[] {
  const all: ExportChoice = { label: t('notes.scopeAll'), scope: { kind: 'all' } };
  return pageUrl && notesOnPage > 0
    ? [all, { label: t('notes.pageScope', { count: formatNumber(notesOnPage) }), scope: { kind: 'page', url: cleanPageUrl(pageUrl) } }]
    : [all];
}

/**
 * Exports are built here, in the extension page, and saved as a local download: nothing is sent anywhere.
 * With several choices (the popup: all notes, this page's) the reader picks one; the file's name and the
 * status line say which notes it holds.
 */
export function ExportMenu({ choices = ALL }: { choices?: ExportChoice[] }) {
  const [status, setStatus] = useState<string | null>(null);
  const [picked, setPicked] = useState(0);
  const choice = choices[picked] ?? choices[0];
  const run = async (format: Format) => {
    if (!choice) return;
    try {
      const notes = await notesOf(choice);
      if (!notes.length) return setStatus(t('notes.nothingToExport'));
      const at = new Date();
      const now = at.toISOString();
      const body = format === 'md' ? notesToMarkdown(notes, now) : format === 'json' ? notesToJson(notes, now) : notesToCsv(notes);
      // Scope, date and time in the name: two exports no longer share one, and each says what it holds.
      const name = safeFileName(scopeFileBase(choice.scope, at), format);
      // A BOM so spreadsheet programs read the CSV as UTF-8.
      downloadText(name, format === 'csv' ? '\uFEFF' + body : body, MIME[format]);
      setStatus(exportedScopeText(notes.length, choice.scope, name));
    } catch (e) {
      setStatus((e as Error).message);
    }
  };
  return (
    <div class="export">
      <h2>{t('panel.exportNotes')}</h2>
      {choices.length > 1 ? (
        <fieldset class="export-scope">
          <legend class="small muted">{t('notes.exportWhich')}</legend>
          {choices.map((c, i) => (
            <label key={c.label}>
              <input type="radio" name="export-scope" checked={i === picked} onChange={() => setPicked(i)} /> {c.label}
            </label>
          ))}
        </fieldset>
      ) : (
        choice?.label && <p class="small muted">{choice.label}</p>
      )}
      <div class="tabs">
        <button type="button" onClick={() => run('md')}>
          {t('data.formatMarkdown')}
        </button>
        <button type="button" onClick={() => run('json')}>
          {t('data.formatJson')}
        </button>
        <button type="button" onClick={() => run('csv')}>
          {t('data.formatCsv')}
        </button>
      </div>
      {/* Always in the page: a live region announces what is written into it, not what arrives with it. */}
      <p class="small muted" role="status">
        {status}
      </p>
    </div>
  );
}
