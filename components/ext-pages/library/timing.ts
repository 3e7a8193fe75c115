/**
 * Performance marks the benchmark reads (scripts/bench-run.ts): how long the library took to show its
 * first notes, and each keystroke's time from the input event to the frame that shows its result.
 * Measures only; nothing here changes what the page does.
 */
export const LIBRARY_MEASURES = {
  loaded: 'library-notes-loaded',
  allLoaded: 'library-all-loaded',
  firstRender: 'library-first-render',
  search: 'library-search',
} as const;

let pendingInput: number | null = null;
let firstDone = false;

/** The first page of notes arrived and was checked: from navigation start. */
export function markLoaded(): void {
  performance.measure(LIBRARY_MEASURES.loaded, { start: 0, end: performance.now() });
}

/** Every note is in the index (searchable): from navigation start. */
export function markAllLoaded(): void {
  performance.measure(LIBRARY_MEASURES.allLoaded, { start: 0, end: performance.now() });
}

/** Called from an effect, which Preact runs after the frame that shows the list: the first one counts. */
export function markFirstRender(): void {
  if (firstDone) return;
  firstDone = true;
  performance.measure(LIBRARY_MEASURES.firstRender, { start: 0, end: performance.now() });
}

/** An input in the search or filters: its event's time is where the reader's wait starts. */
export function markInput(e: Event): void {
  pendingInput ??= e.timeStamp;
}

/** The results of the latest input are on screen (an effect after their render). */
export function markResults(): void {
  if (pendingInput === null) return;
  performance.measure(LIBRARY_MEASURES.search, { start: pendingInput, end: performance.now() });
  pendingInput = null;
}
