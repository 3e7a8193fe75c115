/**
 * The benchmark's numbers once measured: one summary per fact-base size, and the table printed at the
 * end. Pure functions: scripts/bench-run.ts does the measuring.
 */

/** One corpus page at one fact-base size (times in ms; `ratio` is work ÷ the warm text-walk floor). */
export interface PageResult {
  page: string;
  tier: number;
  chars: number;
  floorCold: number;
  floorWarm: number;
  walk: number;
  tokenize: number;
  match: number;
  highlight: number;
  visibility: number;
  load: number;
  lookupWait: number;
  work: number;
  ratio: number;
  ratioCold: number;
  dclToHighlights: number | null;
  longTasks: number;
  longTaskMs: number[];
  longestSlice: number;
  highlights: number;
}

/** One round of 1,000 paragraphs appended to a live page. */
export interface AppendRound {
  chars: number;
  workMs: number;
  floorMs: number;
  ratio: number;
}

/** What one fact-base size measured besides the corpus pages. */
export interface TierMeasures {
  tier: number;
  packImportMs: number;
  /** This tier's pages that had text. */
  rows: PageResult[];
  /** Heap growth with the extension, in bytes, on `heapPages`. */
  heap: number[];
  heapPages: string[];
  hoverAwake: number[];
  hoverAsleep: number[];
  offHostRequests: number;
}

export const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // The index is within 0 … length - 1: the `?? NaN` is for the type only.
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] ?? NaN;
};
export const r2 = (x: number) => Math.round(x * 100) / 100;

const centre = (xs: number[]) => ({ median: r2(quantile(xs, 0.5)), p95: r2(quantile(xs, 0.95)) });
const spread = (xs: number[]) => ({ ...centre(xs), worst: r2(Math.max(...xs)) });

/** The median run of a page's repeated loads, by work. */
export function medianRun(reps: PageResult[]): PageResult {
  const mid = [...reps].sort((a, b) => a.work - b.work)[Math.floor(reps.length / 2)];
  if (!mid) throw new Error('no run to take the median of: --repeat must be at least 1');
  return mid;
}

export function summariseTier(m: TierMeasures) {
  const { rows } = m;
  const of = (field: 'ratio' | 'ratioCold' | 'work' | 'visibility' | 'load' | 'lookupWait') => rows.map((r) => r[field]);
  return {
    tier: m.tier,
    packImportMs: m.packImportMs,
    pages: rows.length,
    ratio: spread(of('ratio')),
    ratioCold: spread(of('ratioCold')),
    worstPage: [...rows].sort((a, b) => b.ratio - a.ratio)[0]?.page,
    workMs: spread(of('work')),
    visibilityMs: spread(of('visibility')),
    loadMs: spread(of('load')),
    lookupWaitMs: centre(of('lookupWait')),
    dclToHighlightsMs: centre(rows.map((r) => r.dclToHighlights ?? NaN).filter(Number.isFinite)),
    longTasks: rows.reduce((n, r) => n + r.longTasks, 0),
    heapDeltaMB: { median: r2(quantile(m.heap, 0.5) / 1048576), max: r2(Math.max(...m.heap) / 1048576), pages: m.heapPages },
    hoverMs: {
      awake: { ...centre(m.hoverAwake), n: m.hoverAwake.length },
      asleep: { ...centre(m.hoverAsleep), n: m.hoverAsleep.length },
    },
    offHostRequests: m.offHostRequests,
  };
}
export type TierSummary = ReturnType<typeof summariseTier>;

export interface ReportInput {
  pages: number;
  repeat: number;
  summary: TierSummary[];
  append?: AppendRound[];
  bundle: { raw: number; gzip: number };
}

/** The table and notes printed at the end of a run, one string per line. */
export function reportLines({ pages, repeat, summary, append, bundle }: ReportInput): string[] {
  const pad = (v: unknown, n: number) => String(v).padStart(n);
  const lines = [
    `\nBackstory benchmark — ${pages} corpus pages, headless Chromium, median of ${repeat} load(s) per page\n`,
    `${'aliases'.padEnd(9)}${pad('work/F med', 11)}${pad('p95', 7)}${pad('worst', 8)}${pad('work ms med', 12)}${pad('worst', 8)}${pad('load ms p95', 12)}${pad('DCL→hl p95', 11)}${pad('long tasks', 11)}${pad('heap MB', 9)}${pad('hover awake', 12)}${pad('asleep', 8)}`,
  ];
  for (const r of summary)
    lines.push(
      `${String(r.tier).padEnd(9)}${pad(r.ratio.median, 11)}${pad(r.ratio.p95, 7)}${pad(r.ratio.worst, 8)}${pad(r.workMs.median, 12)}${pad(r.workMs.worst, 8)}${pad(r.loadMs.p95, 12)}${pad(r.dclToHighlightsMs.p95, 11)}${pad(r.longTasks, 11)}${pad(r.heapDeltaMB.max, 9)}${pad(r.hoverMs.awake.p95, 12)}${pad(r.hoverMs.asleep.p95, 8)}`,
    );
  for (const r of summary)
    lines.push(
      `${r.tier} aliases: visibility checks ${r.visibilityMs.median} ms median, ${r.visibilityMs.p95} ms p95, ${r.visibilityMs.worst} ms worst (part of work)`,
    );
  for (const a of append ?? []) lines.push(`append 1,000 paragraphs: ${a.chars} chars, work ${r2(a.workMs)} ms, F ${r2(a.floorMs)} ms → ${r2(a.ratio)}× F`);
  lines.push(`content script bundle: ${(bundle.raw / 1024).toFixed(1)} kB raw, ${(bundle.gzip / 1024).toFixed(1)} kB gzip`);
  lines.push(`\nwrote out/bench/results.json and out/bench/ratio.svg`);
  return lines;
}

/** The notes library at one size: times in ms, measured by the page itself (first load is in a fresh profile). */
export interface LibraryRun {
  notes: number;
  /** Restoring the generated backup through `notes.import`, sent from an extension page. */
  importMs: number;
  /** Navigation start → the first page of notes received and checked, per load. */
  loadedMs: number[];
  /** Navigation start → every note loaded and searchable, per load. */
  allLoadedMs: number[];
  /** Navigation start → the frame after the first list was rendered, per load. */
  firstRenderMs: number[];
  /** Each typed key's input event → the frame after its results were rendered. */
  keystrokeMs: number[];
  /** What the typed queries found, as the page counted it. */
  matches: string[];
  offHostRequests: number;
}

/** Targets (README, Performance): a keystroke must feel immediate, a first render must not be waited for. */
export const LIBRARY_TARGETS = { keystrokeP95Ms: 50, firstRenderMs: 300 } as const;

export function summariseLibrary(r: LibraryRun) {
  return {
    notes: r.notes,
    importMs: r.importMs,
    firstRenderMs: { first: r2(r.firstRenderMs[0] ?? NaN), ...centre(r.firstRenderMs.slice(1)) },
    loadedMs: { first: r2(r.loadedMs[0] ?? NaN), ...centre(r.loadedMs.slice(1)) },
    allLoadedMs: { first: r2(r.allLoadedMs[0] ?? NaN), ...centre(r.allLoadedMs.slice(1)) },
    keystrokeMs: { ...spread(r.keystrokeMs), n: r.keystrokeMs.length },
    matches: r.matches,
    offHostRequests: r.offHostRequests,
  };
}
export type LibrarySummary = ReturnType<typeof summariseLibrary>;

/** The library phase's table: one row per size, then what the queries found. */
export function libraryLines(runs: LibrarySummary[]): string[] {
  const pad = (v: unknown, n: number) => String(v).padStart(n);
  const { keystrokeP95Ms: k, firstRenderMs: f } = LIBRARY_TARGETS;
  const lines = [
    `\nNotes library — notes restored through notes.import; first render (the newest page of notes on screen) and "all in" (every note searchable) from navigation start, first load in a fresh profile then the median of reloads; keystroke = input event → the frame showing its results (targets: first render ≤ ${f} ms, keystroke p95 ≤ ${k} ms)\n`,
    `${'notes'.padEnd(8)}${pad('import ms', 10)}${pad('render first', 13)}${pad('med', 7)}${pad('p95', 7)}${pad('all in first', 13)}${pad('med', 7)}${pad('key med', 9)}${pad('p95', 7)}${pad('worst', 7)}${pad('keys', 6)}${pad('off-host', 9)}`,
  ];
  for (const r of runs)
    lines.push(
      `${String(r.notes).padEnd(8)}${pad(r.importMs, 10)}${pad(r.firstRenderMs.first, 13)}${pad(r.firstRenderMs.median, 7)}${pad(r.firstRenderMs.p95, 7)}${pad(r.allLoadedMs.first, 13)}${pad(r.allLoadedMs.median, 7)}${pad(r.keystrokeMs.median, 9)}${pad(r.keystrokeMs.p95, 7)}${pad(r.keystrokeMs.worst, 7)}${pad(r.keystrokeMs.n, 6)}${pad(r.offHostRequests, 9)}`,
    );
  for (const r of runs) lines.push(`${r.notes} notes: ${r.matches.join('; ')}`);
  return lines;
}
