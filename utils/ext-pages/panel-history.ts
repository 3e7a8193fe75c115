/** What the side panel shows: one entity's fact sheet, or the briefing of the page the tab shows. */
export type PanelPlace = { kind: 'entity'; key: string } | { kind: 'page' };

/**
 * What the reader opened in the panel, in order, and where they are in it: a browser's history in
 * small. `index` is -1 only while nothing has been opened.
 */
export interface PanelHistory {
  readonly entries: readonly PanelPlace[];
  readonly index: number;
  /** Where the reader had scrolled each place to when they left it, so Back returns there (index-aligned). */
  readonly scrolls?: readonly (number | undefined)[];
}

/** Enough to retrace a reading session; older places drop off so a panel left open for days stays small. */
export const MAX_HISTORY = 100;

export const emptyHistory: PanelHistory = { entries: [], index: -1 };

export const samePlace = (a: PanelPlace, b: PanelPlace): boolean => (a.kind === 'page' ? b.kind === 'page' : b.kind === 'entity' && a.key === b.key);

export const currentPlace = (h: PanelHistory): PanelPlace | undefined => h.entries[h.index];

/**
 * Open a place: it follows the current one and drops what was ahead (as a browser does after going
 * back). Opening the place already shown changes nothing, so a repeated click does not pile up entries.
 */
export function openPlace(h: PanelHistory, place: PanelPlace): PanelHistory {
  const cur = currentPlace(h);
  if (cur && samePlace(cur, place)) return h;
  const kept = h.entries.slice(0, h.index + 1);
  const drop = Math.max(0, kept.length + 1 - MAX_HISTORY);
  const entries = [...kept, place].slice(drop);
  const scrolls = [...kept.map((_, i) => h.scrolls?.[i]), undefined].slice(drop);
  return { entries, index: entries.length - 1, scrolls };
}

/** The history with the current place's scroll position noted (called just before leaving it). */
export function rememberScroll(h: PanelHistory, y: number): PanelHistory {
  if (h.index < 0) return h;
  const scrolls = h.entries.map((_, i) => (i === h.index ? y : h.scrolls?.[i]));
  return { ...h, scrolls };
}

/** Where the current place was left (0, its top, for a place never left). */
export const scrollOf = (h: PanelHistory): number => h.scrolls?.[h.index] ?? 0;

export const canGoBack = (h: PanelHistory): boolean => h.index > 0;
export const canGoForward = (h: PanelHistory): boolean => h.index < h.entries.length - 1;

export const goBack = (h: PanelHistory): PanelHistory => (canGoBack(h) ? { ...h, index: h.index - 1 } : h);
export const goForward = (h: PanelHistory): PanelHistory => (canGoForward(h) ? { ...h, index: h.index + 1 } : h);
