import { Note } from '../schema/note';
import { NOTES_EXPORT_FORMAT, NotesHead } from '../schema/notes-export';
import { MAX_PROBLEMS, parseEach, problemList, type Problem } from '../schema/problems';

/** Lossless, versioned, re-importable. */
export function notesToJson(notes: Note[], exportedAt: string): string {
  return JSON.stringify({ format: NOTES_EXPORT_FORMAT, version: 1, exportedAt, notes }, null, 2) + '\n';
}

export type NotesParse = { ok: true; notes: Note[] } | { ok: false; problems: Problem[] };

/** Decode and check a notes backup; never throws, whatever the text. */
export function parseNotesJson(text: string, maxProblems = MAX_PROBLEMS): NotesParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const problems = problemList(maxProblems);
  const head = NotesHead.safeParse(value);
  if (!head.success) problems.addIssues([], head.error.issues);
  const list = (value as { notes?: unknown } | null)?.notes;
  const notes = parseEach(Note, Array.isArray(list) ? list : [], ['notes'], problems);
  return head.success && !problems.count ? { ok: true, notes } : { ok: false, problems: problems.list() };
}
