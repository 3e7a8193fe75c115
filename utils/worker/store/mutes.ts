import { Mute, muteApplies } from '../../schema/mute';
import type { DB } from './db';

/** A mute is the reader's own choice, like a note: every write asks for strict durability. */
const STRICT = { durability: 'strict' } as const;

/**
 * Store a mute; muting again where it already is keeps the first date (read and write in one transaction).
 * `created` says whether this call made the row: only a mute a card created may be undone from it.
 */
export async function putMute(db: DB, mute: Mute): Promise<{ mute: Mute; created: boolean }> {
  const valid = Mute.parse(mute);
  const tx = db.transaction('mutes', 'readwrite', STRICT);
  const existing = Mute.safeParse(await tx.store.get(valid.id));
  const stored = existing.success ? existing.data : valid;
  await Promise.all([tx.store.put(stored), tx.done]);
  return { mute: stored, created: !existing.success };
}

/** Remove a mute by id; the mute as it was, or null when there was none. */
export async function deleteMute(db: DB, id: string): Promise<Mute | null> {
  const tx = db.transaction('mutes', 'readwrite', STRICT);
  const existing = Mute.safeParse(await tx.store.get(id));
  await Promise.all([tx.store.delete(id), tx.done]);
  return existing.success ? existing.data : null;
}

export interface MuteList {
  mutes: Mute[];
  /** Stored rows that fail the mute schema: they mute nothing and are only counted. */
  unreadable: number;
}

/** Every mute, newest first. */
export async function listMutes(db: DB): Promise<MuteList> {
  const mutes: Mute[] = [];
  let unreadable = 0;
  for (const r of await db.getAll('mutes')) {
    const p = Mute.safeParse(r);
    if (p.success) mutes.push(p.data);
    else unreadable++;
  }
  mutes.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return { mutes, unreadable };
}

/** The entity keys muted on a site (by its host): its own mutes and those that apply everywhere. */
export function mutedOn(mutes: readonly Mute[], host: string | null): Set<string> {
  return new Set(mutes.filter((m) => muteApplies(m, host)).map((m) => m.entityKey));
}
