import { describeStorageError, type DB, type OpenHooks } from '../store/db';
import type { SeedReport } from '../store/seed';

export interface DbHandleDeps {
  /** Opens the database; the hooks tell the handle when a connection is gone. */
  open: (hooks: OpenHooks) => Promise<DB>;
  /** Installs the bundled packs into an open database. */
  seed: (db: DB) => Promise<SeedReport>;
  log?: (message: string, detail?: unknown) => void;
}

export interface DbHandle {
  /** The open database, bundled packs seeded if that worked. Rejects only when the database cannot be opened. */
  get(): Promise<DB>;
  /** Install the bundled packs again now (after "delete all data"); a failure is recorded, not thrown. */
  reseed(): Promise<void>;
  /** Why the bundled packs may be missing or stale, or null when the last seeding went through. */
  seedProblem(): string | null;
}

/**
 * The worker's one connection. A failed open is forgotten so the next request tries again (the
 * worker, and Firefox's persistent background page, may live long after one bad start), and a
 * failed seeding never costs the reader their notes: the database is returned anyway and the
 * seeding is retried on the next request.
 */
export function createDbHandle({ open, seed, log = console.error }: DbHandleDeps): DbHandle {
  let conn: Promise<DB> | null = null;
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
    const attempt: Promise<DB> = open({ onBlocking: forget, onTerminated: forget }).catch((e) => {
      if (conn === attempt) conn = null;
      throw e;
    });
    return (conn = attempt);
  };

  const runSeed = (db: DB): Promise<void> =>
    (seeding ??= seed(db)
      .then(
        (report) => {
          // An invalid bundled pack is a build bug: retrying cannot fix it, but the reader is told.
          seededInto = db;
          problem = report.errors.length ? `A bundled pack is invalid and was not installed: ${report.errors.slice(0, 3).join('; ')}` : null;
          if (problem) log('Backstory: a bundled pack is invalid', report.errors);
        },
        (e) => {
          problem = `The bundled packs could not be installed (${describeStorageError(e)}). Backstory tries again on the next request.`;
          log('Backstory: seeding the bundled packs failed; it is retried on the next request', e);
        },
      )
      .finally(() => (seeding = null)));

  return {
    async get() {
      const db = await connect();
      if (seededInto !== db) await runSeed(db);
      return db;
    },
    async reseed() {
      const db = await connect();
      // A seeding already under way may have run before the caller's change: seed once more after it.
      if (seeding) await seeding;
      seededInto = null;
      await runSeed(db);
    },
    seedProblem: () => problem,
  };
}
