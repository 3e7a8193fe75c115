import { useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { notesToCsv } from '@/utils/export/csv';
import { notesToJson } from '@/utils/export/json';
import { notesToMarkdown } from '@/utils/export/markdown';
import { safeFileName } from '@/utils/export/filename';
import { downloadText } from '@/utils/ext-pages/download';
import { exportedText, panelText } from './panel-strings';

type Format = 'md' | 'json' | 'csv';
const MIME: Record<Format, string> = { md: 'text/markdown', json: 'application/json', csv: 'text/csv' };

/** Exports are built here, in the extension page, and saved as a local download: nothing is sent anywhere. */
export function ExportMenu({ lang }: { lang: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const run = async (format: Format) => {
    try {
      const { notes } = await send('notes.list', {});
      const now = new Date().toISOString();
      const body = format === 'md' ? notesToMarkdown(notes, now) : format === 'json' ? notesToJson(notes, now) : notesToCsv(notes);
      // Date and time in the name: two exports on the same day no longer share one.
      const name = safeFileName(`backstory-notes-${now.slice(0, 16).replace('T', '-').replace(':', '')}`, format);
      // A BOM so spreadsheet programs read the CSV as UTF-8.
      downloadText(name, format === 'csv' ? '\uFEFF' + body : body, MIME[format]);
      setStatus(exportedText(notes.length, name, lang));
    } catch (e) {
      setStatus((e as Error).message);
    }
  };
  return (
    <div class="export">
      <h2>{panelText('exportNotes', lang)}</h2>
      <div class="tabs">
        <button type="button" onClick={() => run('md')}>
          Markdown
        </button>
        <button type="button" onClick={() => run('json')}>
          JSON
        </button>
        <button type="button" onClick={() => run('csv')}>
          CSV
        </button>
      </div>
      {status && (
        <p class="small muted" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
