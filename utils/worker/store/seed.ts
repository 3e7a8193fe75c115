import { validatePack } from '../../schema/validate';
import { problemLine } from '../../schema/problems';
import type { DB } from './db';
import { installPack, removePack, type InstallOutcome } from './packs';

export interface SeedReport {
  outcomes: Record<string, InstallOutcome>;
  /** Bundled packs that failed validation: a build bug, reported loudly, never half-installed. */
  errors: string[];
  removed: string[];
}

/**
 * Install the packs shipped with the extension. Idempotent: an unchanged pack (same content hash)
 * is not rewritten, an updated one replaces its previous version, and a bundled pack that is no
 * longer shipped is removed. User packs and notes are never touched.
 */
export async function seedBundledPacks(db: DB, bundled: unknown[]): Promise<SeedReport> {
  const report: SeedReport = { outcomes: {}, errors: [], removed: [] };
  const shipped = new Set<string>();
  for (const raw of bundled) {
    const r = validatePack(raw);
    if (!r.ok) {
      report.errors.push(...r.errors.slice(0, 10).map((e) => problemLine(e)));
      continue;
    }
    shipped.add(r.pack.id);
    report.outcomes[r.pack.id] = await installPack(db, r.pack, { bundled: true });
  }
  for (const p of await db.getAll('packs')) {
    if (p.bundled && !shipped.has(p.id) && report.errors.length === 0) {
      await removePack(db, p.id);
      report.removed.push(p.id);
    }
  }
  return report;
}

/** Meta record naming the bundled pack texts last installed whole. */
const SEED_MARK = 'bundled-seed';

/**
 * Seed the bundled packs named by `key` (their text's hash, computed at build time), skipping the
 * work when these very files were installed before and are all still there: a worker wakes for a
 * hover, and reading, parsing and validating a megabyte of packs then cost it hundreds of
 * milliseconds. `load` reads the files' text, only when needed.
 */
export async function seedBundledPackTexts(db: DB, key: string, load: () => Promise<string[]>): Promise<SeedReport & { skipped: boolean }> {
  const mark = (await db.get('meta', SEED_MARK))?.value as { key: string; ids: string[] } | undefined;
  if (mark?.key === key) {
    const present = new Set(await db.getAllKeys('packs'));
    if (mark.ids.every((id) => present.has(id)))
      return { outcomes: Object.fromEntries(mark.ids.map((id) => [id, 'unchanged' as const])), errors: [], removed: [], skipped: true };
  }
  const texts = await load();
  const parsed: unknown[] = [];
  const errors: string[] = [];
  texts.forEach((t, i) => {
    try {
      parsed.push(JSON.parse(t));
    } catch (e) {
      errors.push(`bundled pack ${i + 1}: not valid JSON: ${(e as Error).message}`);
    }
  });
  const report = await seedBundledPacks(db, parsed);
  report.errors.unshift(...errors);
  if (!report.errors.length) await db.put('meta', { key: SEED_MARK, value: { key, ids: Object.keys(report.outcomes) } });
  return { ...report, skipped: false };
}
