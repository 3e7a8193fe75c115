import type { Note } from '../schema/note';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection, plus NUL). */
const TRIGGER = /^[\s]*[=+\-@\t\r\n\0]/;

/** RFC 4180 quoting, plus a leading apostrophe on anything a spreadsheet would evaluate. */
export function csvField(value: string): string {
  const v = TRIGGER.test(value) ? `'${value}` : value;
  return `"${v.replace(/"/g, '""')}"`;
}

export const CSV_COLUMNS = ['id', 'entity', 'entityKey', 'text', 'quote', 'pageTitle', 'pageUrl', 'createdAt', 'updatedAt'] as const;

export function notesToCsv(notes: Note[]): string {
  const rows = [CSV_COLUMNS.map(csvField).join(',')];
  for (const n of notes)
    rows.push([n.id, n.entityName, n.entityKey, n.text, n.quote ?? '', n.pageTitle ?? '', n.pageUrl ?? '', n.createdAt, n.updatedAt].map(csvField).join(','));
  return rows.join('\r\n') + '\r\n';
}
