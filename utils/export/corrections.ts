import type { Flag, FlagKind } from '../schema/flag';
import { csvField } from './csv';
import { mdText } from './markdown';

/**
 * The reader's flags as a corrections file for a pack's author: built in the extension page, saved
 * as a local download, sent (or not) by the reader. Each flag carries what the pack said then, so the
 * file reads on its own.
 */
export const CORRECTIONS_FORMAT = 'backstory-corrections';

const KIND_LABEL: Record<FlagKind, string> = { wrong: 'Wrong', outdated: 'Outdated' };

/** Oldest first within a group: the order the reader found them in. */
const byCreated = (a: Flag, b: Flag) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Groups in key order; each group's first item stands for it (its pack, its entity). */
function groupBy<T>(items: readonly T[], key: (t: T) => string): { first: T; items: T[] }[] {
  const groups = new Map<string, { first: T; items: T[] }>();
  for (const it of items) {
    const k = key(it);
    const group = groups.get(k);
    if (group) group.items.push(it);
    else groups.set(k, { first: it, items: [it] });
  }
  return [...groups].sort((a, b) => a[0].localeCompare(b[0])).map(([, g]) => g);
}

/** Escaped, on one line: for headings and labels. */
const mdLine = (s: string) => mdText(s.replace(/\s*\r?\n\s*/g, ' '));
/** Escaped, its line breaks kept inside the list item. */
const mdLines = (s: string) => s.split(/\r?\n/).map(mdText).join('  \n  ');

/** Grouped by pack, then entity; every field escaped, so a reason can neither embed an image nor a link. */
export function flagsToMarkdown(flags: readonly Flag[], exportedAt: string): string {
  const out = ['# Backstory corrections', '', `Exported ${mdText(exportedAt)}. ${flags.length} flagged fact${flags.length === 1 ? '' : 's'}.`, ''];
  for (const inPack of groupBy(flags, (f) => `${f.packId}\u0000${f.packVersion}`)) {
    const { packId, packVersion } = inPack.first;
    out.push(`## Pack ${mdLine(packId)}${packVersion ? `, version ${mdLine(packVersion)}` : ''}`, '');
    for (const inEntity of groupBy(inPack.items, (f) => `${f.entityName}\u0000${f.entityKey}`)) {
      out.push(`### ${mdLine(inEntity.first.entityName)}`, '');
      for (const f of [...inEntity.items].sort(byCreated)) {
        out.push(`- **${KIND_LABEL[f.kind]}** (fact ${mdLine(f.factId)}): ${mdLines(f.factText)}`);
        out.push(`  Reason: ${mdLines(f.reason)}`);
        out.push(
          `  Flagged ${mdText(f.createdAt.slice(0, 10))}${f.updatedAt.slice(0, 10) !== f.createdAt.slice(0, 10) ? `, edited ${mdText(f.updatedAt.slice(0, 10))}` : ''}`,
        );
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export const CORRECTIONS_CSV_COLUMNS = [
  'id',
  'pack',
  'packVersion',
  'entity',
  'entityKey',
  'factId',
  'factText',
  'kind',
  'reason',
  'createdAt',
  'updatedAt',
] as const;

/** Every field quoted, formulas neutralised (csvField). */
export function flagsToCsv(flags: readonly Flag[]): string {
  const rows = [CORRECTIONS_CSV_COLUMNS.map(csvField).join(',')];
  for (const f of flags)
    rows.push(
      [f.id, f.packId, f.packVersion, f.entityName, f.entityKey, f.factId, f.factText, f.kind, f.reason, f.createdAt, f.updatedAt].map(csvField).join(','),
    );
  return rows.join('\r\n') + '\r\n';
}

/** Lossless and versioned, for a pack author's tools. */
export function flagsToJson(flags: readonly Flag[], exportedAt: string): string {
  return JSON.stringify({ format: CORRECTIONS_FORMAT, version: 1, exportedAt, flags }, null, 2) + '\n';
}
