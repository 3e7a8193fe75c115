import type { Pack, Source } from '../../schema/pack';
import { compileDictionary, type AliasInput, type CompileOptions, type Dictionary } from '../../match/dictionary';
import type { DB, EntityRecord, PackRecord } from './db';
import { t } from '../../i18n';

export const entityKey = (packId: string, entityId: string) => `${packId}:${entityId}`;

/** Stable JSON (sorted keys) so the same pack content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function packHash(pack: Pack): Promise<string> {
  return sha256Hex(canonicalJson(pack));
}

/** Packs imported before the setting existed are the reader's own: discreet, like new imports. */
export const isDiscreet = (p: Pick<PackRecord, 'discreet' | 'bundled'>): boolean => p.discreet ?? !p.bundled;

/** The pack's id is taken by a pack of the other kind (bundled vs user). */
export class PackConflictError extends Error {}

/** An import would replace an installed pack with an older version of it. */
export class PackDowngradeError extends PackConflictError {}

export type InstallOutcome = 'installed' | 'updated' | 'unchanged';

/** Numeric comparison of `major.minor.patch` versions (the pack schema guarantees the shape): 1.10.0 > 1.9.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface InstallPlan {
  outcome: InstallOutcome;
  /** The version it replaces, if the pack is installed. */
  installedVersion?: string;
}

/**
 * What installing would do, without writing; throws when it is refused. A reader's import never
 * goes back a version silently (they can remove the pack first); the same version with other
 * content is an update, as a newer one is. Bundled packs follow the extension, rollbacks included.
 */
async function plan(db: DB, pack: Pack, bundled: boolean): Promise<InstallPlan & { hash: string; existing?: PackRecord }> {
  const hash = await packHash(pack);
  const existing = await db.get('packs', pack.id);
  if (!existing) return { outcome: 'installed', hash };
  const base = { hash, existing, installedVersion: existing.version };
  if (existing.hash === hash) return { ...base, outcome: 'unchanged' };
  if (existing.bundled !== bundled)
    throw new PackConflictError(existing.bundled ? t('packs.bundledId', { id: pack.id }) : t('packs.userPackInstalled', { id: pack.id }));
  if (!bundled && compareVersions(pack.version, existing.version) < 0)
    throw new PackDowngradeError(t('packs.downgrade', { version: pack.version, installed: existing.version }));
  return { ...base, outcome: 'updated' };
}

/** The outcome an install would have, for the preview; throws the error the install would throw. */
export async function planInstall(db: DB, pack: Pack, opts: { bundled: boolean }): Promise<InstallPlan> {
  const { outcome, installedVersion } = await plan(db, pack, opts.bundled);
  return installedVersion === undefined ? { outcome } : { outcome, installedVersion };
}

/**
 * Write a validated pack in one transaction: its previous entities and sources are replaced, other
 * packs and notes are untouched. Either everything lands or nothing does.
 */
/**
 * `discreet`: the pack's names are never painted in web pages (only counted for the popup and side
 * panel). Imported packs are discreet unless the reader says otherwise: they are the reader's own
 * research, and a page must not be able to test which names it holds.
 */
export async function installPack(db: DB, pack: Pack, opts: { bundled: boolean; now?: string; discreet?: boolean }): Promise<InstallOutcome> {
  const { outcome, hash, existing } = await plan(db, pack, opts.bundled);
  const discreet = opts.discreet ?? (existing ? isDiscreet(existing) : !opts.bundled);
  if (outcome === 'unchanged') {
    if (!existing || isDiscreet(existing) === discreet) return outcome;
    await setPackDiscreet(db, pack.id, discreet);
    return 'updated';
  }

  const record: PackRecord = {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    hash,
    bundled: opts.bundled,
    enabled: existing?.enabled ?? true,
    discreet,
    languages: pack.languages,
    license: pack.license,
    entityCount: pack.entities.length,
    factCount: pack.entities.reduce((n, e) => n + e.facts.length, 0),
    sourceCount: pack.sources.length,
    installedAt: opts.now ?? new Date().toISOString(),
  };

  const tx = db.transaction(['packs', 'entities', 'sources', 'meta'], 'readwrite');
  const entities = tx.objectStore('entities');
  const sources = tx.objectStore('sources');
  // Only IDB requests inside the transaction: any other await would let it auto-commit half done.
  const ops: Promise<unknown>[] = [];
  for (const key of await entities.index('packId').getAllKeys(pack.id)) ops.push(entities.delete(key));
  for (const key of await sources.index('packId').getAllKeys(pack.id)) ops.push(sources.delete(key));
  for (const e of pack.entities) ops.push(entities.put({ key: entityKey(pack.id, e.id), packId: pack.id, entity: e }));
  for (const s of pack.sources) ops.push(sources.put({ key: entityKey(pack.id, s.id), packId: pack.id, source: s }));
  ops.push(tx.objectStore('packs').put(record));
  ops.push(tx.objectStore('meta').delete('dictionary'));
  await Promise.all([...ops, tx.done]);
  return outcome;
}

export async function removePack(db: DB, packId: string): Promise<void> {
  const tx = db.transaction(['packs', 'entities', 'sources', 'meta'], 'readwrite');
  const ops: Promise<unknown>[] = [];
  for (const key of await tx.objectStore('entities').index('packId').getAllKeys(packId)) ops.push(tx.objectStore('entities').delete(key));
  for (const key of await tx.objectStore('sources').index('packId').getAllKeys(packId)) ops.push(tx.objectStore('sources').delete(key));
  ops.push(tx.objectStore('packs').delete(packId), tx.objectStore('meta').delete('dictionary'));
  await Promise.all([...ops, tx.done]);
}

export async function setPackEnabled(db: DB, packId: string, enabled: boolean): Promise<void> {
  const tx = db.transaction(['packs', 'meta'], 'readwrite');
  const rec = await tx.objectStore('packs').get(packId);
  if (!rec) throw new Error(`no pack "${packId}"`);
  await Promise.all([tx.objectStore('packs').put({ ...rec, enabled }), tx.objectStore('meta').delete('dictionary'), tx.done]);
}

export async function setPackDiscreet(db: DB, packId: string, discreet: boolean): Promise<void> {
  const tx = db.transaction(['packs', 'meta'], 'readwrite');
  const rec = await tx.objectStore('packs').get(packId);
  if (!rec) throw new Error(`no pack "${packId}"`);
  await Promise.all([tx.objectStore('packs').put({ ...rec, discreet }), tx.objectStore('meta').delete('dictionary'), tx.done]);
}

export function listPacks(db: DB): Promise<PackRecord[]> {
  return db.getAll('packs');
}

/** Signature of what the dictionary was compiled from: changes whenever a pack or an option changes. */
function dictionaryBasis(packs: PackRecord[], opts: CompileOptions): string {
  const packPart = packs
    .filter((p) => p.enabled)
    .map((p) => `${p.id}@${p.hash}${isDiscreet(p) ? '+discreet' : ''}`)
    .sort()
    .join('|');
  // The format tag changes whenever the compiled form does, so a cached dictionary is never stale.
  return `${packPart}#typo=${!!opts.typo}#format=3`;
}

/** The compiled dictionary, rebuilt only when the enabled packs or the options changed. */
export async function loadDictionary(db: DB, opts: CompileOptions = {}): Promise<Dictionary> {
  const packs = await listPacks(db);
  const basis = dictionaryBasis(packs, opts);
  const cached = (await db.get('meta', 'dictionary'))?.value as (Dictionary & { basis: string }) | undefined;
  if (cached && cached.basis === basis) return cached;

  const enabled = new Set(packs.filter((p) => p.enabled).map((p) => p.id));
  const discreet = new Set(packs.filter(isDiscreet).map((p) => p.id));
  const aliases: AliasInput[] = [];
  for (const rec of await db.getAll('entities')) {
    if (!enabled.has(rec.packId)) continue;
    for (const a of rec.entity.aliases)
      aliases.push({
        text: a.text,
        entity: rec.key,
        weak: a.strength === 'weak',
        caseSensitive: a.caseSensitive,
        discreet: discreet.has(rec.packId),
        context: a.context,
      });
  }
  const version = (await sha256Hex(basis)).slice(0, 16);
  const dict = compileDictionary(aliases, version, opts);
  await db.put('meta', { key: 'dictionary', value: { ...dict, basis } });
  return dict;
}

/** An entity of an enabled pack. A disabled pack's entities are not found: no card, sheet or page count shows them. */
/**
 * An entity of an enabled pack. `forWebPage`: it is going to be shown inside a web page (the hover
 * card), where a discreet pack's entities never go.
 */
export async function getEntity(db: DB, key: string, opts: { forWebPage?: boolean } = {}): Promise<EntityRecord | undefined> {
  const tx = db.transaction(['entities', 'packs']);
  const rec = await tx.objectStore('entities').get(key);
  const pack = rec && (await tx.objectStore('packs').get(rec.packId));
  await tx.done;
  if (!pack?.enabled || (opts.forWebPage && isDiscreet(pack))) return undefined;
  return rec;
}

export async function getSources(db: DB, packId: string, ids: Iterable<string>): Promise<Source[]> {
  const tx = db.transaction('sources');
  const out = await Promise.all([...new Set(ids)].map((id) => tx.store.get(entityKey(packId, id))));
  await tx.done;
  return out.filter((r): r is NonNullable<typeof r> => !!r).map((r) => r.source);
}

/** "Delete all my data": notes, flags, user packs, settings and caches. Bundled packs are re-seeded by the caller. */
export async function deleteAllData(db: DB): Promise<void> {
  const stores = ['packs', 'entities', 'sources', 'notes', 'flags', 'mutes', 'meta'] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}
