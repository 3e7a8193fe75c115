import {
  deleteNote,
  deleteQuarantinedNotes,
  importNotes,
  listNotes,
  listNotesByEntity,
  listNotesPage,
  listQuarantinedNotes,
  listTags,
  NoteConflictError,
  NoteMissingError,
  putNote,
  QuarantineChangedError,
  updateNote,
} from './store/notes';
import { getDraft, putDraft } from './store/drafts';
import { parseNotesJson } from '../export/json';
import { notesRefusalText } from './refusals';
import { MessageError, type Handlers } from './dispatch';
import { asMessageError, asStorageErrors, type HandlerKit } from './handlers-shared';

/** The reader's notes, for the side panel and the data panel: list, save, edit, delete, restore, tags, drafts, and the quarantined rows. */
export function createNoteHandlers({ openDb }: HandlerKit, now: () => number = Date.now) {
  return {
    async 'notes.list'({ entityKey }) {
      const db = await openDb();
      return entityKey ? listNotesByEntity(db, entityKey) : listNotes(db);
    },

    async 'notes.page'({ limit, after }) {
      return asStorageErrors(async () => listNotesPage(await openDb(), limit, after));
    },

    async 'note.save'({ note }) {
      try {
        return { note: await putNote(await openDb(), note) };
      } catch (e) {
        throw e instanceof NoteConflictError ? new MessageError('bad-request', e.message) : asMessageError(e);
      }
    },

    async 'note.update'({ id, text, quote, tags }) {
      try {
        return { note: await updateNote(await openDb(), { id, text, quote, tags }, new Date(now()).toISOString()) };
      } catch (e) {
        throw e instanceof NoteMissingError ? new MessageError('not-found', e.message) : asMessageError(e);
      }
    },

    async 'note.delete'({ id }) {
      const note = await asStorageErrors(async () => deleteNote(await openDb(), id));
      return note ? { note } : {};
    },

    async 'notes.tags'() {
      return { tags: await asStorageErrors(async () => listTags(await openDb())) };
    },

    async 'draft.get'({ entityKey }) {
      const draft = await asStorageErrors(async () => getDraft(await openDb(), entityKey, now()));
      return { draft: draft && { text: draft.text, tags: draft.tags, rev: draft.rev } };
    },

    async 'draft.save'({ entityKey, text, tags, rev }) {
      return { kept: await asStorageErrors(async () => putDraft(await openDb(), entityKey, { text, tags, rev }, now())) };
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
      // One sentence in the data panel, in the reader's language; a damaged export adds its first few problems.
      const parsed = parseNotesJson(text.replace(/^\uFEFF/, ''), 5);
      if (!parsed.ok) return { ok: false, imported: 0, error: notesRefusalText(parsed.reason, parsed.problems) };
      const imported = await asStorageErrors(async () => importNotes(await openDb(), parsed.notes));
      return { ok: true, imported };
    },
  } satisfies Partial<Handlers>;
}
