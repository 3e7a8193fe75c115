import { Note } from '../schema/note';
import { NOTES_EXPORT_FORMAT, NotesHead } from '../schema/notes-export';
import { MAX_PROBLEMS, parseEach, problemList, type Problem } from '../schema/problems';

/** Lossless, versioned, re-importable. */
export function notesToJson(notes: Note[], exportedAt: string): string {
  return JSON.stringify({ format: NOTES_EXPORT_FORMAT, version: 1, exportedAt, notes }, null, 2) + '\n';
}

/**
 * Why a file was refused, for the sentence the reader sees first (the problems are the detail): not
 * JSON at all, JSON that is not a notes export (another file picked by mistake), an export from a
 * newer version, or an export whose header or notes are damaged.
 */
export type NotesRefusal = 'not-json' | 'not-export' | 'newer-version' | 'damaged';

export type NotesParse = { ok: true; notes: Note[] } | { ok: false; reason: NotesRefusal; problems: Problem[] };

/** What kind of file this is, judged by its header alone (a notes export names its format and version). */
function refusal(value: unknown): NotesRefusal {
  const head = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown; version?: unknown }) : null;
  if (head?.format !== NOTES_EXPORT_FORMAT) return 'not-export';
  return typeof head.version === 'number' && head.version > 1 ? 'newer-version' : 'damaged';
}

/** Decode and check a notes backup; never throws, whatever the text. */
export function parseNotesJson(text: string, maxProblems = MAX_PROBLEMS): NotesParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'not-json', problems: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const problems = problemList(maxProblems);
  const head = NotesHead.safeParse(value);
  if (!head.success) problems.addIssues([], head.error.issues);
  const list = (value as { notes?: unknown } | null)?.notes;
  const notes = parseEach(Note, Array.isArray(list) ? list : [], ['notes'], problems);
  return head.success && !problems.count ? { ok: true, notes } : { ok: false, reason: refusal(value), problems: problems.list() };
}
