import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Entity, Source } from '../../schema/pack';
import type { Note } from '../../schema/note';
import type { Flag } from '../../schema/flag';
import type { Mute } from '../../schema/mute';
import { cleanPageUrl } from '../../url/clean-page-url';
import { t } from '../../i18n';

export const DB_NAME = 'backstory';
export const DB_VERSION = 5;

export interface PackRecord {
  id: string;
  name: string;
  version: string;
  /** SHA-256 of the pack file's canonical JSON: same hash means re-import is a no-op. */
  hash: string;
  bundled: boolean;
  enabled: boolean;
  /** Never painted in pages; absent on records written before the setting existed (see isDiscreet). */
  discreet?: boolean;
  languages: string[];
  license: string;
  entityCount: number;
  factCount: number;
  sourceCount: number;
  installedAt: string;
}

export interface EntityRecord {
  /** `packId:entityId`: entities of different packs never overwrite each other. */
  key: string;
  packId: string;
  entity: Entity;
}

export interface SourceRecord {
  key: string;
  packId: string;
  source: Source;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface BackstoryDB extends DBSchema {
  packs: { key: string; value: PackRecord };
  entities: { key: string; value: EntityRecord; indexes: { packId: string } };
  sources: { key: string; value: SourceRecord; indexes: { packId: string } };
  notes: { key: string; value: Note; indexes: { entityKey: string; updatedAt: string; pageUrl: string } };
  flags: { key: string; value: Flag; indexes: { entityKey: string } };
  mutes: { key: string; value: Mute; indexes: { entityKey: string } };
  meta: { key: string; value: MetaRecord };
}

export type DB = IDBPDatabase<BackstoryDB>;

export interface OpenHooks {
  /** Another context holds an older version open and our upgrade waits for it. */
  onBlocked?: () => void;
  /** A newer version wants to upgrade: we close so it can proceed. */
  onBlocking?: () => void;
  /** The browser closed the connection abnormally (e.g. storage cleared). */
  onTerminated?: () => void;
}

type UpgradeTx = IDBPTransaction<BackstoryDB, StoreNames<BackstoryDB>[], 'versionchange'>;

/**
 * One step per database version, run in order inside the upgrade transaction: a database written
 * by any earlier version reaches the current shape, and no step ever deletes notes.
 */
export const UPGRADES: ((db: IDBPDatabase<BackstoryDB>, tx: UpgradeTx) => void)[] = [
  // 1: the first schema.
  (db) => {
    db.createObjectStore('packs', { keyPath: 'id' });
    db.createObjectStore('entities', { keyPath: 'key' }).createIndex('packId', 'packId');
    db.createObjectStore('sources', { keyPath: 'key' }).createIndex('packId', 'packId');
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('entityKey', 'entityKey');
    notes.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 2: notes can be listed by the page they were written on (the popup counts them).
  (_db, tx) => {
    tx.objectStore('notes').createIndex('pageUrl', 'pageUrl');
  },
  // 3: page URLs lose what may be secret (fragment, userinfo, most query parameters).
  (_db, tx) => {
    const cleanAll = async () => {
      // Rows that fail the note schema are cleaned too: they are downloadable as they are.
      for (let c = await tx.objectStore('notes').openCursor(); c; c = await c.continue()) {
        const row = c.value as { pageUrl?: unknown };
        if (typeof row.pageUrl !== 'string') continue;
        const pageUrl = cleanPageUrl(row.pageUrl);
        if (pageUrl !== row.pageUrl) await c.update({ ...c.value, pageUrl });
      }
    };
    // A half-cleaned store is worse than none: abort, so the database stays at version 2 untouched.
    cleanAll().catch(rollBack(tx, 'cleaning stored page URLs failed'));
  },
  // 4: the reader's flags on facts; stored sources name their archived copy `archived`, as the pack schema now does.
  (db, tx) => {
    db.createObjectStore('flags', { keyPath: 'id' }).createIndex('entityKey', 'entityKey');
    const renameAll = async () => {
      for (let c = await tx.objectStore('sources').openCursor(); c; c = await c.continue()) {
        const source = (c.value as { source?: unknown }).source;
        if (!source || typeof source !== 'object' || !('archiveUrl' in source)) continue;
        const { archiveUrl, ...rest } = source as { archiveUrl?: unknown; archived?: unknown };
        // A row carrying both keeps `archived`, which the pack schema prefers too.
        const archived = rest.archived ?? archiveUrl;
        await c.update({ ...c.value, source: { ...rest, ...(archived === undefined ? {} : { archived }) } as SourceRecord['source'] });
      }
    };
    // Sources half renamed would show some archived links and not others: all or nothing, notes untouched.
    renameAll().catch(rollBack(tx, 'renaming stored sources’ archiveUrl failed'));
  },
  // 5: the reader's mutes ("not this one"), one per entity per site or everywhere.
  (db) => {
    db.createObjectStore('mutes', { keyPath: 'id' }).createIndex('entityKey', 'entityKey');
  },
];

/** An upgrade step's async work failed: abort the whole upgrade, so the database stays at its old version untouched. */
function rollBack(tx: UpgradeTx, what: string) {
  return (e: unknown) => {
    console.error(`Backstory: ${what}; the upgrade was rolled back`, e);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failure itself.
    }
  };
}

/** Open (and create or upgrade) the database. */
export function openBackstoryDB(name = DB_NAME, hooks: OpenHooks = {}, version = DB_VERSION): Promise<DB> {
  return openDB<BackstoryDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failed upgrade rejects the open itself; the transaction's own promise would be an unhandled duplicate.
      tx.done.catch(() => {});
      for (let v = oldVersion; v < (newVersion ?? version); v++) {
        const upgrade = UPGRADES[v];
        if (!upgrade) throw new Error(`No upgrade from database version ${v}`);
        upgrade(db, tx);
      }
    },
    blocked: () => hooks.onBlocked?.(),
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      hooks.onBlocking?.();
    },
    terminated: () => hooks.onTerminated?.(),
  });
}

/**
 * An upgrade waits until every connection to the old version closes; one that another Backstory
 * page or window keeps open (e.g. one still running the previous version) holds it up.
 */
export class DatabaseBlockedError extends Error {
  constructor() {
    super(t('errors.databaseBlocked'));
    this.name = 'DatabaseBlockedError';
  }
}

/** Turn IndexedDB's error names into sentences a user can act on, in the reader's language. */
export function describeStorageError(e: unknown): string {
  if (e instanceof DatabaseBlockedError) return e.message;
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError') return t('errors.storageFull');
  if (name === 'AbortError') return t('errors.writeInterrupted');
  if (name === 'InvalidStateError') return t('errors.storageUnavailable');
  if (name === 'VersionError') return t('errors.newerVersion');
  return t('errors.storageOther', { detail: (e as Error)?.message ?? String(e) });
}
