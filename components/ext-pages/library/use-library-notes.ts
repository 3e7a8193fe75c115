import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { NotesIndex } from '@/utils/notes-search';
import type { Note } from '@/utils/schema/note';
import type { Req } from '@/utils/messaging/protocol';
import { markAllLoaded, markLoaded } from './timing';

export type LibraryNotes =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | {
      state: 'ready';
      index: NotesIndex;
      /** Bumped when the index changes: a page of notes added, a note edited, deleted or back (it is mutated, not replaced). */
      version: number;
      unreadable: number;
      /** Stored rows, readable or not: what the index holds once every page is in. */
      total: number;
      complete: boolean;
      /** A later page that failed: the notes loaded so far stay listed. */
      problem: string | null;
    };

/** What the reader did to a note in the library, told to the index so search and filters see it at once. */
export interface LibraryEdits {
  /** After an edit or an Undo: the note as the worker stored it. */
  saved: (note: Note) => void;
  /** After a delete. */
  removed: (note: Note) => void;
}

/** The first page is what the reader sees first; later pages are larger, each a short task for this page. */
const FIRST_PAGE = 40;
const PAGE = 500;
/** Slices of idle work that build the search haystacks before the first keystroke needs them. */
const SLICE_MS = 8;

/** After the next frame, or 100 ms, whichever is first (a hidden tab draws no frames). */
const afterNextFrame = () =>
  new Promise<void>((resolve) => {
    const done = () => setTimeout(resolve, 0);
    setTimeout(done, 100);
    requestAnimationFrame(done);
  });

/**
 * Every note, indexed for the library's search: the newest page first, shown at once, then the rest in
 * pages. Haystacks are built in short slices once all are in; any not built yet when the reader types
 * are built then.
 */
export function useLibraryNotes(): [LibraryNotes, LibraryEdits] {
  const [notes, setNotes] = useState<LibraryNotes>({ state: 'loading' });
  // One counter for pages and edits: a page arriving after an edit must not reuse the edit's number.
  const version = useRef(0);
  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const index = new NotesIndex();
    const load = async () => {
      let req: Req<'notes.page'> = { limit: FIRST_PAGE };
      let unreadable = 0;
      let total = 0;
      for (let pageNo = 1; ; pageNo++) {
        let page;
        try {
          page = await send('notes.page', req);
        } catch (e) {
          const message = (e as Error).message;
          if (ctl.signal.aborted) return;
          return setNotes((s) => (s.state === 'ready' ? { ...s, problem: message } : { state: 'error', message }));
        }
        if (ctl.signal.aborted) return;
        index.add(page.notes);
        unreadable += page.quarantined;
        total = page.total ?? total;
        if (pageNo === 1) markLoaded();
        const v = ++version.current;
        setNotes({ state: 'ready', index, version: v, unreadable, total, complete: !page.next, problem: null });
        if (!page.next) break;
        // The next pages wait for the first to be on screen: parsing them must not delay that frame.
        if (pageNo === 1) await afterNextFrame();
        req = { limit: PAGE, after: page.next };
      }
      markAllLoaded();
      const step = () => {
        if (!ctl.signal.aborted && !index.prepare(performance.now() + SLICE_MS)) timer = setTimeout(step, 0);
      };
      timer = setTimeout(step, 0);
    };
    void load();
    ctl.signal.addEventListener('abort', () => clearTimeout(timer));
    return () => ctl.abort();
  }, []);
  const apply = (change: (index: NotesIndex) => void) => {
    if (notes.state !== 'ready') return;
    change(notes.index);
    const v = ++version.current;
    setNotes((s) => (s.state === 'ready' ? { ...s, version: v } : s));
  };
  const edits: LibraryEdits = {
    saved: (note) => apply((index) => index.add([note])),
    removed: (note) => apply((index) => index.remove(note.id)),
  };
  return [notes, edits];
}
