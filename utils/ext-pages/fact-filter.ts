import type { AttributionKind } from '../schema/pack';
import { fold } from '../match/fold';

/**
 * The kinds of source a reader filters a fact sheet by: who says so, in the reader's terms. A
 * company's statement and its self-description are both the company speaking.
 */
export const SOURCE_KINDS = ['court', 'regulator', 'government', 'press', 'company', 'research'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const KIND_OF: Record<AttributionKind, SourceKind> = {
  court: 'court',
  regulator: 'regulator',
  government: 'government',
  reported: 'press',
  'company-statement': 'company',
  'self-description': 'company',
  research: 'research',
};

export const sourceKindOf = (a: AttributionKind): SourceKind => KIND_OF[a];

/** The part of a fact the filters read. */
export interface FilterableFact {
  text: string;
  date: string;
  attribution: AttributionKind;
  quote?: { text: string } | undefined;
}

export interface FactFilter {
  /** Kinds of source to keep; empty keeps every kind. */
  kinds: ReadonlySet<SourceKind>;
  /** Words to find, in any case and with or without accents: every word must be in the fact. */
  query: string;
}

export const NO_FILTER: FactFilter = { kinds: new Set(), query: '' };

export const isFiltering = (f: FactFilter): boolean => f.kinds.size > 0 || queryWords(f.query).length > 0;

/** The query's words, folded as names are (case, diacritics, apostrophes), so "cnil" finds "CNIL" and "cour d'appel" "Cour d’appel". */
function queryWords(query: string): string[] {
  return fold(query).split(' ').filter(Boolean);
}

/** The facts that pass the filter, in their order. */
export function filterFacts<F extends FilterableFact>(facts: readonly F[], filter: FactFilter): F[] {
  const words = queryWords(filter.query);
  return facts.filter((f) => {
    if (filter.kinds.size && !filter.kinds.has(sourceKindOf(f.attribution))) return false;
    if (!words.length) return true;
    const hay = fold(f.quote ? `${f.text} ${f.quote.text}` : f.text);
    return words.every((w) => hay.includes(w));
  });
}

/** How many facts each kind of source has, in SOURCE_KINDS order, leaving out the kinds this sheet lacks. */
export function kindCounts(facts: readonly FilterableFact[]): [SourceKind, number][] {
  const n = new Map<SourceKind, number>();
  for (const f of facts) n.set(sourceKindOf(f.attribution), (n.get(sourceKindOf(f.attribution)) ?? 0) + 1);
  return SOURCE_KINDS.flatMap((k) => {
    const c = n.get(k);
    return c ? [[k, c] as [SourceKind, number]] : [];
  });
}

/** Facts grouped by year, keeping their order (the sheet's is newest first, so the latest year comes first). */
export function byYear<F extends { date: string }>(facts: readonly F[]): [string, F[]][] {
  const years = new Map<string, F[]>();
  for (const f of facts) {
    const y = f.date.slice(0, 4);
    const list = years.get(y);
    if (list) list.push(f);
    else years.set(y, [f]);
  }
  return [...years];
}

/**
 * The years a sheet opens on: the latest ones, until they hold `min` facts or `maxYears` years are
 * open, so a year with one fact does not leave the timeline looking empty.
 */
export function yearsOpenByDefault(years: readonly [string, readonly unknown[]][], min = 6, maxYears = 2): Set<string> {
  const open = new Set<string>();
  let shown = 0;
  for (const [y, facts] of years) {
    if (open.size >= maxYears || shown >= min) break;
    open.add(y);
    shown += facts.length;
  }
  return open;
}
