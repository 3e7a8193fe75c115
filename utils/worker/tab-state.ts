/**
 * What each tab's content scripts found, kept in session storage: it survives the service worker
 * sleeping but not the browser closing, and content scripts cannot read it.
 */
export interface TabState {
  url: string | null;
  /** The top frame's title, as its content script last reported it. */
  title?: string | null;
  /** Entity key → mentions, summed over the tab's frames. */
  counts: Record<string, number>;
  /** Per frame, so a frame's rescan replaces only its own counts. */
  frames: Record<string, Record<string, number>>;
  /** Per frame, the top page it reported from (FrameReport.page), when it said. */
  framePages?: Record<string, number>;
  /** The entity the side panel should show (last one opened from a card). */
  focus: string | null;
  /** What the reader had selected on the page when opening it: offered as a note's quote. */
  quote?: string | null;
}

/** One frame's full snapshot: it replaces that frame's previous one. */
export interface FrameReport {
  frameId: number;
  /** A new page in this frame: for the top frame, every frame's counts start over. */
  reset: boolean;
  entities: { key: string; count: number }[];
  url: string | null;
  title?: string | null;
  /** The top page's start time, the same in all its frames (page-report.ts). */
  page?: number;
}

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface TabStateStore {
  get(tabId: number): Promise<TabState | null>;
  report(tabId: number, r: FrameReport): Promise<void>;
  setFocus(tabId: number, key: string, quote?: string | null): Promise<void>;
  /**
   * The tab's address, when nothing is known of the tab yet (a page that looked words up before its
   * first report): a mute made meanwhile reaches it. A report replaces it.
   */
  knowAddress(tabId: number, url: string): Promise<void>;
  clear(tabId: number): Promise<void>;
}

const k = (tabId: number) => `tab:${tabId}`;

export function createTabStateStore(area: KeyValueArea): TabStateStore {
  // Reports from a tab's frames arrive concurrently; serialise read-modify-write per tab.
  const chains = new Map<number, Promise<unknown>>();
  const serial = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const next = (chains.get(tabId) ?? Promise.resolve()).then(work, work);
    chains.set(
      tabId,
      next.catch(() => undefined),
    );
    return next;
  };
  const get = async (tabId: number) => ((await area.get(k(tabId)))[k(tabId)] as TabState | undefined) ?? null;

  return {
    get,
    report: (tabId, { frameId, reset, entities, url, title = null, page }) =>
      serial(tabId, async () => {
        const prev = await get(tabId);
        const mainReset = reset && frameId === 0;
        const state: TabState = prev && !mainReset ? prev : { url, title, counts: {}, frames: {}, focus: prev?.focus ?? null };
        // A subframe of the new page can report before its top frame does: a new page keeps those.
        if (mainReset && prev && page !== undefined) {
          for (const [id, p] of Object.entries(prev.framePages ?? {})) {
            const counts = prev.frames[id];
            if (p === page && id !== '0' && counts) {
              state.frames[id] = counts;
              (state.framePages ??= {})[id] = p;
            }
          }
        }
        if (page !== undefined) (state.framePages ??= {})[frameId] = page;
        if (frameId === 0) {
          state.url = url;
          state.title = title;
        }
        // Each report is the frame's full snapshot, so it replaces that frame's previous counts.
        // Keys come from the page's content script: summed in a Map and written back with
        // fromEntries, so "constructor" or "__proto__" are plain own keys, never inherited members.
        state.frames[frameId] = Object.fromEntries(entities.map((e) => [e.key, e.count]));
        const counts = new Map<string, number>();
        for (const f of Object.values(state.frames)) for (const [key, n] of Object.entries(f)) counts.set(key, (counts.get(key) ?? 0) + n);
        state.counts = Object.fromEntries(counts);
        await area.set({ [k(tabId)]: state });
      }),
    knowAddress: (tabId, url) =>
      serial(tabId, async () => {
        if (await get(tabId)) return;
        await area.set({ [k(tabId)]: { url, title: null, counts: {}, frames: {}, focus: null } satisfies TabState });
      }),
    setFocus: (tabId, key, quote = null) =>
      serial(tabId, async () => {
        const prev = await get(tabId);
        await area.set({ [k(tabId)]: { ...(prev ?? { url: null, counts: {}, frames: {} }), focus: key, quote } });
      }),
    clear: (tabId) => serial(tabId, () => area.remove(k(tabId))),
  };
}
