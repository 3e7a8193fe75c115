import type { DB } from './store/db';
import { describeStorageError } from './store/db';
import { getEntity, loadDictionary, PackConflictError } from './store/packs';
import type { Dictionary } from '../match/dictionary';
import { MessageError } from './dispatch';
import type { TabStateStore } from './tab-state';
import type { SettingsStore } from './settings';
import { listMutes } from './store/mutes';
import type { Mute } from '../schema/mute';
import type { EntityMuteChange } from '../messaging/tab-protocol';
import type { CardMuteLedger } from './card-mutes';
import { t } from '../i18n';

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
  /** Ids of the open tabs (`tabs.query`: ids need no permission), to tell them of a mute. */
  openTabIds?: () => Promise<number[]>;
  /** Tell a tab's content script that an entity's mute changed on its site (tab-protocol `entity.muted`). */
  tellTab?: (tabId: number, change: EntityMuteChange) => Promise<void>;
  /** The mutes each tab's card made, which only that card may undo (session storage; in memory when absent). */
  cardMutes?: CardMuteLedger;
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
  // Every page lookup asks which of its entities are muted on its site: the mutes are read once, until they change.
  let mutes: Promise<Mute[]> | null = null;
  const readMutes = () =>
    (mutes ??= openDb()
      .then((db) => listMutes(db))
      .then((l) => l.mutes)
      .catch((e) => ((mutes = null), Promise.reject(e))));
  const mutesChanged = () => {
    mutes = null;
  };
  const invalidate = () => {
    dictionary = null;
    // "Delete all my data" drops the mutes with everything else, and invalidates through here.
    mutes = null;
  };

  async function entityOrThrow(key: string, opts: { forWebPage?: boolean } = {}) {
    const rec = await getEntity(await openDb(), key, opts);
    if (!rec) throw new MessageError('not-found', t('errors.entityGone'));
    return rec;
  }

  return { openDb, dict, invalidate, entityOrThrow, readMutes, mutesChanged };
}

export type HandlerKit = ReturnType<typeof createHandlerKit>;
