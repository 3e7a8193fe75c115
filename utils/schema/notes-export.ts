import { z } from 'zod';
import { Note } from './note';

/** The notes backup file (utils/export/json.ts writes and reads it). */
export const NOTES_EXPORT_FORMAT = 'backstory-notes';
export const NotesExport = z.strictObject({
  format: z.literal(NOTES_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  notes: z.array(Note),
});

/** The backup without its notes, which are parsed one at a time (see parseEach). */
export const NotesHead = NotesExport.extend({ notes: z.array(z.unknown()) });
