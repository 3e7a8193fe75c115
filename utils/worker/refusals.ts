import type { NotesRefusal } from '../export/json';
import type { PackRefusal } from '../schema/validate';
import { problemLine, type Problem } from '../schema/problems';
import { t } from '../i18n';

/**
 * The sentence a reader sees first when a file they chose is refused, in their language. The
 * validator's problems (English, `path: reason`, as pack:check prints them) stay the detail under
 * it: a pack's author needs them, a reader who picked the wrong file does not.
 */
const PACK: Record<PackRefusal, () => string> = {
  empty: () => t('packs.fileEmpty'),
  'not-json': () => t('packs.notJson'),
  'not-pack': () => t('packs.notAPack'),
  'notes-export': () => t('packs.notesExport'),
  invalid: () => t('packs.invalid'),
};

export function packRefusalText(reason: PackRefusal): string {
  return PACK[reason]();
}

/**
 * Why a notes restore was refused, whole: the wrong file (not JSON, or JSON that is no notes export)
 * and an export from a newer version are said plainly, with what to do and no validator text; only
 * a damaged export quotes its first problems, the reader's one way to find what to fix.
 */
export function notesRefusalText(reason: NotesRefusal, problems: readonly Problem[]): string {
  if (reason === 'not-json') return t('errors.notesNotJson');
  if (reason === 'not-export') return t('errors.notesNotExport');
  if (reason === 'newer-version') return t('errors.notesNewer');
  return t('errors.notesDamaged', { details: problems.map((p) => problemLine(p, true)).join('; ') });
}
