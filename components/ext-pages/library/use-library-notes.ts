import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { NotesIndex } from '@/utils/notes-search';
import { markLoaded } from './timing';

export type LibraryNotes = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; index: NotesIndex; unreadable: number };

/** Slices of idle work that build the search haystacks before the first keystroke needs them. */
const SLICE_MS = 8;

/**
 * Every note, indexed for the library's search. The first render does not wait for the haystacks:
 * they are built in short slices afterwards, and any not built yet when the reader types are built then.
 */
export function useLibraryNotes(): LibraryNotes {
  const [notes, setNotes] = useState<LibraryNotes>({ state: 'loading' });
  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    send('notes.list', {}).then(
      ({ notes: list, quarantined }) => {
        if (ctl.signal.aborted) return;
        const index = new NotesIndex(list);
        markLoaded();
        setNotes({ state: 'ready', index, unreadable: quarantined });
        const step = () => {
          if (!ctl.signal.aborted && !index.prepare(performance.now() + SLICE_MS)) timer = setTimeout(step, 0);
        };
        timer = setTimeout(step, 50);
      },
      (e: unknown) => !ctl.signal.aborted && setNotes({ state: 'error', message: (e as Error).message }),
    );
    ctl.signal.addEventListener('abort', () => clearTimeout(timer));
    return () => ctl.abort();
  }, []);
  return notes;
}
