import { DatabaseBlockedError, describeStorageError, type DB, type OpenHooks } from './store/db';
import type { SeedReport } from './store/seed';
import { t } from '../i18n';

export interface DbHandleDeps {
  /** Opens the database; the hooks tell the handle when a connection is gone. */
  open: (hooks: OpenHooks) => Promise<DB>;
  /** Installs the bundled packs into an open database. */
  seed: (db: DB) => Promise<SeedReport>;
  log?: (message: string, detail?: unknown) => void;
  /**
   * Starts the wait a request accepts while the open is blocked by another connection; returns a
   * cancel function. The open itself keeps waiting: only the request gives up.
   */
  blockedWait?: (giveUp: () => void) => () => void;
}

const BLOCKED_WAIT_MS = 10_000;
const defaultBlockedWait = (giveUp: () => void) => {
  const t = setTimeout(giveUp, BLOCKED_WAIT_MS);
  return () => clearTimeout(t);
};

/** Closures, not methods: each may be passed on detached from the handle. */
export interface DbHandle {
  /** The open database, bundled packs seeded if that worked. Rejects only when the database cannot be opened. */
  get: () => Promise<DB>;
  /** Install the bundled packs again now (after "delete all data"); a failure is recorded, not thrown. */
  reseed: () => Promise<void>;
  /** Why the bundled packs may be missing or stale, or null when the last seeding went through. */
  seedProblem: () => string | null;
}

/**
 * The worker's one connection. A failed open is forgotten so the next request tries again (the
 * worker, and Firefox's persistent background page, may live long after one bad start), and a
 * failed seeding never costs the reader their notes: the database is returned anyway and the
 * seeding is retried on the next request.
 */
export function createDbHandle({ open, seed, log = console.error, blockedWait = defaultBlockedWait }: DbHandleDeps): DbHandle {
  let conn: Promise<DB> | null = null;
  /** The pending open waits for other connections to close; requests waiting on it start their clocks. */
  let blocked = false;
  const onceBlocked = new Set<() => void>();
  /** The connection the bundled packs were last seeded into: a new connection may see a cleared store. */
  let seededInto: DB | null = null;
  let seeding: Promise<void> | null = null;
  let problem: string | null = null;

  const forget = () => {
    conn = null;
    seededInto = null;
  };

  const connect = (): Promise<DB> => {
    if (conn) return conn;
    const onBlocked = () => {
      blocked = true;
      log(`Backstory: ${new DatabaseBlockedError().message}`);
      for (const start of [...onceBlocked]) start();
    };
    const attempt: Promise<DB> = open({ onBlocking: forget, onTerminated: forget, onBlocked })
      .catch((e) => {
        if (conn === attempt) conn = null;
        throw e;
      })
      .finally(() => (blocked = false));
    return (conn = attempt);
  };

  /** The connection, or a clear error once this request has waited too long on a blocked open. */
  const patiently = (pending: Promise<DB>): Promise<DB> =>
    new Promise((resolve, reject) => {
      let cancel = () => {};
      const start = () => {
        onceBlocked.delete(start);
        cancel = blockedWait(() => reject(new DatabaseBlockedError()));
      };
      if (blocked) start();
      else onceBlocked.add(start);
      pending
        .finally(() => {
          onceBlocked.delete(start);
          cancel();
        })
        .then(resolve, reject);
    });

  const runSeed = (db: DB): Promise<void> =>
    (seeding ??= seed(db)
      .then(
        (report) => {
          // An invalid bundled pack is a build bug: retrying cannot fix it, but the reader is told.
          seededInto = db;
          problem = report.errors.length ? t('errors.seedInvalid', { detail: report.errors.slice(0, 3).join('; ') }) : null;
          if (problem) log('Backstory: a bundled pack is invalid', report.errors);
        },
        (e) => {
          problem = t('errors.seedFailed', { reason: describeStorageError(e) });
          log('Backstory: seeding the bundled packs failed; it is retried on the next request', e);
        },
      )
      .finally(() => (seeding = null)));

  return {
    async get() {
      const db = await patiently(connect());
      if (seededInto !== db) await runSeed(db);
      return db;
    },
    async reseed() {
      const db = await patiently(connect());
      // A seeding already under way may have run before the caller's change: seed once more after it.
      if (seeding) await seeding;
      seededInto = null;
      await runSeed(db);
    },
    seedProblem: () => problem,
  };
}
