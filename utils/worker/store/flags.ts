import { Flag } from '../../schema/flag';
import type { DB } from './db';

/** A flag is the reader's own work, like a note: every write asks for strict durability. */
const STRICT = { durability: 'strict' } as const;

/**
 * Store a flag (one per fact per pack: the same id replaces it). An existing flag keeps the date it
 * was first made; the read and the write share one transaction, so two saves cannot both be "first".
 */
export async function putFlag(db: DB, flag: Flag): Promise<Flag> {
  const valid = Flag.parse(flag);
  const tx = db.transaction('flags', 'readwrite', STRICT);
  const existing = Flag.safeParse(await tx.store.get(valid.id));
  const stored = existing.success ? { ...valid, createdAt: existing.data.createdAt } : valid;
  await Promise.all([tx.store.put(stored), tx.done]);
  return stored;
}

export async function deleteFlag(db: DB, id: string): Promise<void> {
  const tx = db.transaction('flags', 'readwrite', STRICT);
  await Promise.all([tx.store.delete(id), tx.done]);
}

export interface FlagList {
  flags: Flag[];
  /** Stored rows that fail the flag schema: never shown or exported broken, only counted. */
  unreadable: number;
}

/** Newest change first. */
function checked(rows: unknown[]): FlagList {
  const flags: Flag[] = [];
  let unreadable = 0;
  for (const r of rows) {
    const p = Flag.safeParse(r);
    if (p.success) flags.push(p.data);
    else unreadable++;
  }
  flags.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { flags, unreadable };
}

export async function listFlags(db: DB): Promise<FlagList> {
  return checked(await db.getAll('flags'));
}

export async function listFlagsByEntity(db: DB, entityKey: string): Promise<FlagList> {
  return checked(await db.getAllFromIndex('flags', 'entityKey', entityKey));
}
