import type { DB } from './store/db';
import { describeStorageError } from './store/db';
import { getEntity, loadDictionary, PackConflictError } from './store/packs';
import type { Dictionary } from '../match/dictionary';
import { MessageError } from './dispatch';
import type { TabStateStore } from './tab-state';
import type { SettingsStore } from './settings';

export interface BackgroundDeps {
  db: () => Promise<DB>;
  tabs: TabStateStore;
  settings: SettingsStore;
  /** The reader's language: the browser's UI language, used when a request names none. */
  browserLang: () => string;
  /** Opens the browser's side panel / sidebar for a tab. Must be called synchronously in a gesture. */
  openSidePanelForTab: (tabId: number) => Promise<string>;
  /** Re-install the bundled packs (after "delete all data"). */
  reseed?: (db: DB) => Promise<unknown>;
  /** Why the bundled packs may be missing (their seeding failed), or null. */
  seedProblem?: () => string | null;
  /** Forget every tab's session state. */
  clearTabs?: () => Promise<void>;
  /** Clock (tests). */
  now?: () => number;
  /** After pausing or resuming: every open tab removes or restores its highlights; resolves once `waitFor` (a tab id) did. */
  applyPause?: (waitFor?: number) => Promise<void>;
  /** A tab's toolbar button shows whether Backstory is paused there. */
  showPaused?: (tabId: number, paused: boolean) => Promise<void>;
}

export function asMessageError(e: unknown): MessageError {
  if (e instanceof MessageError) return e;
  if (e instanceof PackConflictError) return new MessageError('bad-request', e.message);
  return new MessageError('storage', describeStorageError(e));
}

/** Runs `work` and rethrows its failure as a message error: a store failure becomes a `storage` error (see asMessageError). */
export async function asStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asMessageError(e);
  }
}

/**
 * What the handler groups share: one database opener and one dictionary cache, which the web pages'
 * lookups read and the extension pages' pack and settings changes drop.
 */
export function createHandlerKit(deps: BackgroundDeps) {
  // A database that cannot be opened (blocked by another page, broken) is a storage error the reader can act on.
  const openDb = () => asStorageErrors(deps.db);
  let dictionary: Promise<Dictionary> | null = null;
  const dict = () =>
    (dictionary ??= Promise.all([openDb(), deps.settings.read()])
      .then(([db, settings]) => loadDictionary(db, { typo: settings.typoTolerance }))
      .catch((e) => ((dictionary = null), Promise.reject(e))));
  const invalidate = () => {
    dictionary = null;
  };

  async function entityOrThrow(key: string, opts: { forWebPage?: boolean } = {}) {
    const rec = await getEntity(await openDb(), key, opts);
    if (!rec) throw new MessageError('not-found', `no entity "${key}"`);
    return rec;
  }

  return { openDb, dict, invalidate, entityOrThrow };
}

export type HandlerKit = ReturnType<typeof createHandlerKit>;
