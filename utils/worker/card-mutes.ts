import type { KeyValueArea } from './tab-state';

/** How many of a tab's card mutes stay undoable from its card (the latest ones). */
const KEPT = 20;

/**
 * The mutes each tab made from its card, which only that tab's card may undo: a content script is
 * untrusted, and must not be able to lift mutes the reader made elsewhere. Kept in session storage
 * (the worker may sleep between "Mute" and "Undo"), out of reach of content scripts.
 */
export interface CardMuteLedger {
  remember(tabId: number, muteId: string): Promise<void>;
  /** True (and forgotten) when this tab's card made this mute. */
  take(tabId: number, muteId: string): Promise<boolean>;
  clear(tabId: number): Promise<void>;
}

const k = (tabId: number) => `card-mutes:${tabId}`;

export function createCardMuteLedger(area: KeyValueArea): CardMuteLedger {
  const read = async (tabId: number): Promise<string[]> => {
    const v = (await area.get(k(tabId)))[k(tabId)];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return {
    async remember(tabId, muteId) {
      const ids = (await read(tabId)).filter((x) => x !== muteId);
      ids.push(muteId);
      await area.set({ [k(tabId)]: ids.slice(-KEPT) });
    },
    async take(tabId, muteId) {
      const ids = await read(tabId);
      if (!ids.includes(muteId)) return false;
      await area.set({ [k(tabId)]: ids.filter((x) => x !== muteId) });
      return true;
    },
    clear: (tabId) => area.remove(k(tabId)),
  };
}

/** A ledger in memory: for a worker given no session storage (tests). */
export function memoryArea(): KeyValueArea {
  const m = new Map<string, unknown>();
  return {
    get: (key) => Promise.resolve(m.has(key) ? { [key]: m.get(key) } : {}),
    set: (items) => Promise.resolve(void Object.entries(items).forEach(([key, v]) => m.set(key, v))),
    remove: (key) => Promise.resolve(void m.delete(key)),
  };
}
