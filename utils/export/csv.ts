import type { Note } from '../schema/note';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection, plus NUL). */
const TRIGGER = /^[\s]*[=+\-@\t\r\n\0]/;

/** RFC 4180 quoting, plus a leading apostrophe on anything a spreadsheet would evaluate. */
export function csvField(value: string): string {
  const v = TRIGGER.test(value) ? `'${value}` : value;
  return `"${v.replace(/"/g, '""')}"`;
}

/** What a reader looks for first, then the exact timestamps, then the ids only a re-import would need. */
export const CSV_COLUMNS = ['date', 'entity', 'note', 'quote', 'page title', 'page URL', 'tags', 'created', 'updated', 'entity key', 'id'] as const;

/**
 * "2026-12-01 16:21" in the reader's time zone (or `timeZone`): the form spreadsheets read as a date
 * and time, where the ISO timestamp with its T and Z stays text.
 */
export function spreadsheetDate(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(d)
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function notesToCsv(notes: Note[], opts: { timeZone?: string } = {}): string {
  const rows = [CSV_COLUMNS.map(csvField).join(',')];
  for (const n of notes)
    rows.push(
      [
        spreadsheetDate(n.createdAt, opts.timeZone),
        n.entityName,
        n.text,
        n.quote ?? '',
        n.pageTitle ?? '',
        n.pageUrl ?? '',
        (n.tags ?? []).join(', '),
        n.createdAt,
        n.updatedAt,
        n.entityKey,
        n.id,
      ]
        .map(csvField)
        .join(','),
    );
  return rows.join('\r\n') + '\r\n';
}
