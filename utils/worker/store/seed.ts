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
