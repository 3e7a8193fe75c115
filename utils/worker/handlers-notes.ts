import {
  deleteNote,
  deleteQuarantinedNotes,
  importNotes,
  listNotes,
  listNotesByEntity,
  listNotesPage,
  listQuarantinedNotes,
  putNote,
  QuarantineChangedError,
} from './store/notes';
import { parseNotesJson } from '../export/json';
import { problemLine } from '../schema/problems';
import { MessageError, type Handlers } from './dispatch';
import { asMessageError, asStorageErrors, type HandlerKit } from './handlers-shared';

/** The reader's notes, for the side panel and the data panel: list, save, delete, restore, and the quarantined rows. */
export function createNoteHandlers({ openDb }: HandlerKit) {
  return {
    async 'notes.list'({ entityKey }) {
      const db = await openDb();
      return entityKey ? listNotesByEntity(db, entityKey) : listNotes(db);
    },

    async 'notes.page'({ limit, after }) {
      return asStorageErrors(async () => listNotesPage(await openDb(), limit, after));
    },

    async 'note.save'({ note }) {
      return { note: await asStorageErrors(async () => putNote(await openDb(), note)) };
    },

    async 'note.delete'({ id }) {
      await asStorageErrors(async () => deleteNote(await openDb(), id));
      return {};
    },

    async 'notes.quarantined'() {
      return { rows: await asStorageErrors(async () => listQuarantinedNotes(await openDb())) };
    },

    async 'notes.quarantined.delete'({ count }) {
      try {
        return { deleted: await deleteQuarantinedNotes(await openDb(), count) };
      } catch (e) {
        throw e instanceof QuarantineChangedError ? new MessageError('bad-request', e.message) : asMessageError(e);
      }
    },

    async 'notes.import'({ text }) {
      // One line in the data panel: the first few problems, then how many more.
      const parsed = parseNotesJson(text.replace(/^\uFEFF/, ''), 5);
      if (!parsed.ok) return { ok: false, imported: 0, error: parsed.problems.map((p) => problemLine(p, true)).join('; ') };
      const imported = await asStorageErrors(async () => importNotes(await openDb(), parsed.notes));
      return { ok: true, imported };
    },
  } satisfies Partial<Handlers>;
}
