import { z } from 'zod';
import { Note } from '../schema/note';

export const NOTES_EXPORT_FORMAT = 'backstory-notes';
export const NotesExport = z.strictObject({
  format: z.literal(NOTES_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  notes: z.array(Note),
});

/** Lossless, versioned, re-importable. */
export function notesToJson(notes: Note[], exportedAt: string): string {
  return JSON.stringify({ format: NOTES_EXPORT_FORMAT, version: 1, exportedAt, notes }, null, 2) + '\n';
}

export function parseNotesJson(text: string) {
  return NotesExport.safeParse(JSON.parse(text));
}
