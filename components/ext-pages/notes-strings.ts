import { formatNumber, plural } from '@/utils/i18n';
import type { ExportScope } from '@/utils/notes-export-scope';

/** "12 of 10,000 notes" (or "10,000 notes" when nothing is filtered out). */
export function matchCountText(shown: number, total: number, filtered: boolean): string {
  return filtered ? plural('notes.matchCount', total, { shown: formatNumber(shown) }) : plural('notes.count', total);
}

/** What an export wrote, and where: "Exported 3 notes on this page to backstory-notes-page-….md". */
export function exportedScopeText(n: number, scope: ExportScope, file: string): string {
  switch (scope.kind) {
    case 'page':
      return plural('notes.exportedPage', n, { file });
    case 'entity':
      return plural('notes.exportedEntity', n, { file, name: scope.name });
    case 'filtered':
      return plural('notes.exportedFiltered', n, { file });
    case 'all':
      return plural('notes.exportedAll', n, { file });
  }
}
