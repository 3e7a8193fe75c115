/**
 * The benchmark's numbers once measured: one summary per fact-base size, and the table printed at the
 * end. Pure functions: scripts/bench-run.ts does the measuring.
 */

import type { Slice } from '../utils/in-page/stats';
import { HIDDEN_FRAME_WAIT_MS } from '../utils/in-page/schedule';

/** Chromium's threshold for a long task, in ms. */
export const LONG_TASK_MS = 50;

/**
 * How long after the highlight sheet goes in a long task counts as its style pass. The sheet makes
 * the browser recalculate the whole document's style in its next rendering (117 ms of a 144 ms task
 * on yahoo-2.html at ×4, in a trace), a task with no script of ours in it, so no slice covers it.
 */
export const STYLE_PASS_MS = 250;

// Visibility was left out of the work before issue 14's sixth round; it is counted now.
export { pageWorkMs } from '../utils/in-page/stats';

/**
 * The most the content script's evaluation (compiling and running its top level, before any slice of
 * ours is timed) was seen to take, per unit of CPU throttling. In traces (EvaluateScript of
 * content.js, a task of its own): 0.3–4 ms at ×1 over 36 evaluations on three pages, 0.7–14 ms at ×4
 * over 9, the highest on the pass's first page, compiling cold.
 */
export const SCRIPT_EVAL_MS = 5;

/** A long task seen during the first scan, and what of it was ours. */
export interface LongTaskCause {
  /**
   * Where in the page's timeline (performance.now() ms) the task lies: the task itself when the Long
   * Tasks API reported it, else the long animation frame that holds it, or our slice.
   */
  span: { start: number; ms: number };
  ms: number;
  /** Our slices' time inside the task. */
  oursMs: number;
  /** The task held the script's start: compiling and evaluating the content script. */
  start: boolean;
  /** The task began within STYLE_PASS_MS of the highlight sheet going in: its style pass, as far as we can tell. */
  style: boolean;
  /** The task is the extension's: the script's start or our slices made it long, or it is the sheet's style pass. */
  ours: boolean;
  /** The phases of our slices inside it, longest first. */
  phases: string[];
  /**
   * The Long Tasks API did not report it: it was seen as a long animation frame, or as a slice of ours
   * of LONG_TASK_MS or more (hiddenLongTasks).
   */
  hidden?: boolean;
  /** GC pauses on the page's main thread in the span, ms, when the load was traced (--trace, --trace=gc). */
  gcMs?: number;
  /** Wall time minus CPU time of the page's main-thread tasks in the span, ms (traced loads): the OS's share. */
  offCpuMs?: number;
}

/** A long task that would not have been long without the GC pauses in it (known only in a traced load). */
export function gcFilled(c: Pick<LongTaskCause, 'ms' | 'gcMs'>): boolean {
  return c.gcMs !== undefined && c.ms - c.gcMs < LONG_TASK_MS;
}

/**
 * Whose a long task is. The content script's work runs in slices, each a task of its own or a
 * continuation at the end of one, so a long task is the extension's when our slices in it are what
 * made it long: without them it would have been under LONG_TASK_MS. The script's start (its
 * compiling and evaluation, which no slice covers) counts as SCRIPT_EVAL_MS × the CPU rate of ours:
 * a task that holds it and is long without that much is the page's (until issue 14's seventh round,
 * any task holding the start counted as ours, though the evaluation is a task of its own of a few
 * milliseconds and the page's next task can begin within the millisecond the times are rounded to).
 * A task that begins within STYLE_PASS_MS of the highlight sheets going in is ours (the style pass
 * each causes; a page's own task there is counted as ours too: the count errs towards us). A page's
 * own long task with a short slice of ours at its end stays the page's. A stall of the whole renderer
 * inside one of our slices counts as ours: from inside, it cannot be told from our work.
 */
export function attributeLongTask(
  task: { start: number; duration: number },
  slices: readonly Slice[],
  startedAt: number,
  sheetsAdoptedAt: readonly number[] = [],
  cpu = 1,
): LongTaskCause {
  const end = task.start + task.duration;
  const { oursMs, phases } = slicesWithin(task.start, end, slices);
  // Long-task times are whole milliseconds: the script's start may read a millisecond early.
  const start = startedAt >= task.start - 1 && startedAt <= end;
  const style = sheetsAdoptedAt.some((at) => task.start >= at - 1 && task.start <= at + STYLE_PASS_MS);
  const ourPart = oursMs + (start ? SCRIPT_EVAL_MS * cpu : 0);
  return {
    span: { start: r2(task.start), ms: r2(task.duration) },
    ms: Math.round(task.duration),
    oursMs: r2(oursMs),
    start,
    style,
    ours: style || (ourPart > 0 && task.duration - ourPart < LONG_TASK_MS),
    phases,
  };
}

/** Our slices' time between `from` and `to`, their phases (most time first) and the longest of them. */
function slicesWithin(from: number, to: number, slices: readonly Slice[]): { oursMs: number; phases: string[]; longest: number } {
  const byPhase = new Map<string, number>();
  let oursMs = 0;
  let longest = 0;
  for (const sl of slices) {
    const overlap = Math.min(to, sl.start + sl.ms) - Math.max(from, sl.start);
    if (overlap <= 0) continue;
    oursMs += overlap;
    longest = Math.max(longest, sl.ms);
    byPhase.set(sl.phase, (byPhase.get(sl.phase) ?? 0) + overlap);
  }
  return { oursMs, phases: [...byPhase].sort((a, b) => b[1] - a[1]).map(([p]) => p), longest };
}

/** A long animation frame (`long-animation-frame` entries): when it began, how long, and its blocking time. */
export interface LongFrame {
  start: number;
  duration: number;
  /** The sum over its long tasks of their time over LONG_TASK_MS (and the frame's rendering, after the last). */
  blocking: number;
}

const overlaps = (a: { start: number; duration: number }, b: { start: number; duration: number }) =>
  a.start < b.start + b.duration && b.start < a.start + a.duration;

/**
 * The long tasks the Long Tasks API did not report. Chromium reports a long task only if script was
 * called into during it, and a task that continues an `await scheduler.yield()` resumes the script
 * without such a call: every slice of ours after the first yield is such a task, and an 80 ms one goes
 * unreported in the main world and in an isolated one alike (issue 14's eighth round). The long
 * animation frames API sees every task, so:
 *
 * - a long animation frame with blocking time and no reported long task in it holds an unreported long
 *   task. It is ours if a slice of ours in the frame is itself long, or if, taken as one task of
 *   `blocking + LONG_TASK_MS`, it would have been under LONG_TASK_MS without our slices in the frame
 *   (they may belong to other tasks of the frame: the count errs towards us), or if it began in the
 *   highlight sheet's style pass, as attributeLongTask says;
 * - a slice of ours of LONG_TASK_MS or more in neither is a long task of ours by itself (synchronous code
 *   in one task), whatever held it up.
 */
export function hiddenLongTasks(
  frames: readonly LongFrame[],
  reported: readonly { start: number; duration: number }[],
  slices: readonly Slice[],
  sheetsAdoptedAt: readonly number[] = [],
): LongTaskCause[] {
  const out: LongTaskCause[] = [];
  const unreported = frames.filter((f) => f.blocking > 0 && !reported.some((t) => overlaps(f, t)));
  for (const f of unreported) {
    const { oursMs, phases, longest } = slicesWithin(f.start, f.start + f.duration, slices);
    const task = f.blocking + LONG_TASK_MS;
    const style = sheetsAdoptedAt.some((at) => f.start >= at - 1 && f.start <= at + STYLE_PASS_MS);
    out.push({
      span: { start: r2(f.start), ms: r2(f.duration) },
      ms: Math.round(Math.max(task, longest)),
      oursMs: r2(oursMs),
      start: false,
      style,
      ours: style || longest >= LONG_TASK_MS || (oursMs > 0 && task - oursMs < LONG_TASK_MS),
      phases,
      hidden: true,
    });
  }
  const seen = [...reported, ...unreported];
  for (const sl of slices) {
    if (sl.ms < LONG_TASK_MS || seen.some((t) => overlaps(t, { start: sl.start, duration: sl.ms }))) continue;
    out.push({
      span: { start: r2(sl.start), ms: r2(sl.ms) },
      ms: Math.round(sl.ms),
      oursMs: r2(sl.ms),
      start: false,
      style: false,
      ours: true,
      phases: [sl.phase],
      hidden: true,
    });
  }
  return out;
}

/**
 * One corpus page at one fact-base size (times in ms; `ratio` is work ÷ the warm main-world text-walk
 * floor, `ratioCold` ÷ its first run, `ratioIsolated` ÷ the cold walk in a fresh isolated world).
 */
export interface PageResult {
  page: string;
  tier: number;
  /** CPU throttling rate (1: none) and which repetition (`--runs`) this load belongs to. */
  cpu: number;
  run: number;
  chars: number;
  /** Characters the content script read (its own count: the tokenizer's input). */
  scanChars: number;
  floorCold: number;
  floorWarm: number;
  /** The first TreeWalker walk-and-read in a fresh isolated world, after the extension's scan. */
  floorIsolated: number;
  walk: number;
  /** The worker's time tokenizing, and looking up and matching: off the page's thread, not in `work`. */
  tokenize: number;
  match: number;
  highlight: number;
  visibility: number;
  load: number;
  lookupWait: number;
  work: number;
  ratio: number;
  ratioCold: number;
  ratioIsolated: number;
  dclToHighlights: number | null;
  longTasks: number;
  longTaskMs: number[];
  /** Each long task's attribution (attributeLongTask), in the order of longTaskMs. */
  longTaskCauses: LongTaskCause[];
  /** The content script's longest slice of work, ms, and its phase ('' when no slice was logged). */
  longestSlice: number;
  longestSlicePhase: string;
  highlights: number;
  /** The scans' waits for a frame before judging visibility: all, those whose frame came after
   * HIDDEN_FRAME_WAIT_MS, and those that reached their limit without one (schedule.ts). Summed over loads. */
  frameWaits: number;
  framesLate: number;
  frameTimeouts: number;
  /** The page loads this row stands for (`--repeat`; absent: one). Their long tasks are all in it. */
  loads?: number;
  /**
   * Of `work` (wall time), the part our slices' thread spent off the CPU, ms (--trace=cpu and the other
   * traces; null: the trace had no navigation mark; absent: not traced).
   */
  offCpu?: number | null;
  /** The isolated floor with its own time off the CPU taken out, ms (--trace=cpu only; else absent or null). */
  floorIsolatedOnCpu?: number | null;
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
  cpu: number;
  run: number;
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

/** Work ÷ a floor, as every row computes it: a floor under the timer's resolution counts as 0.01 ms. */
export const overFloor = (work: number, floor: number) => work / Math.max(floor, 0.01);

const median = (xs: number[]) => quantile(xs, 0.5);

/**
 * A page's repeated loads (`--repeat`) as one row: the load of median work, its ratios taken against
 * the median of each floor over the loads (one load's floor is as noisy as its work), and the long
 * tasks of every load, not only the median one's: a long task is a failure whichever load it fell in.
 */
export function medianRun(reps: PageResult[]): PageResult {
  const mid = [...reps].sort((a, b) => a.work - b.work)[Math.floor(reps.length / 2)];
  if (!mid) throw new Error('no run to take the median of: --repeat must be at least 1');
  if (reps.length === 1) return mid;
  const floorCold = median(reps.map((r) => r.floorCold));
  const floorWarm = median(reps.map((r) => r.floorWarm));
  const floorIsolated = median(reps.map((r) => r.floorIsolated));
  const longest = reps.reduce((a, b) => (b.longestSlice > a.longestSlice ? b : a));
  return {
    ...mid,
    floorCold,
    floorWarm,
    floorIsolated,
    ratio: overFloor(mid.work, floorWarm),
    ratioCold: overFloor(mid.work, floorCold),
    ratioIsolated: overFloor(mid.work, floorIsolated),
    ...(mid.floorIsolatedOnCpu != null
      ? { floorIsolatedOnCpu: median(reps.flatMap((r) => (r.floorIsolatedOnCpu != null ? [r.floorIsolatedOnCpu] : []))) }
      : {}),
    longTasks: reps.reduce((n, r) => n + r.longTasks, 0),
    longTaskMs: reps.flatMap((r) => r.longTaskMs),
    longTaskCauses: reps.flatMap((r) => r.longTaskCauses),
    longestSlice: longest.longestSlice,
    longestSlicePhase: longest.longestSlicePhase,
    frameWaits: reps.reduce((n, r) => n + r.frameWaits, 0),
    framesLate: reps.reduce((n, r) => n + r.framesLate, 0),
    frameTimeouts: reps.reduce((n, r) => n + r.frameTimeouts, 0),
    loads: reps.length,
  };
}

/** Pages at least this long count in the per-character tokenizer cost: on tiny pages it is timer noise. */
export const MIN_CHARS_PER_M = 1000;

/**
 * Tokenize + hash cost in ms per million characters: over the whole corpus (total time ÷ total
 * characters, what a reader's browsing costs) and the median page of at least MIN_CHARS_PER_M.
 */
export function tokenizePerMChars(rows: Pick<PageResult, 'tokenize' | 'scanChars'>[]) {
  const chars = rows.reduce((n, r) => n + r.scanChars, 0);
  const ms = rows.reduce((n, r) => n + r.tokenize, 0);
  const perPage = rows.filter((r) => r.scanChars >= MIN_CHARS_PER_M).map((r) => (r.tokenize / r.scanChars) * 1e6);
  return { overall: chars ? Math.round((ms / chars) * 1e6) : NaN, median: Math.round(quantile(perPage, 0.5)) };
}

/** The page with the longest long task, with that page's work by phase (the task's likely parts). */
export function worstLongTask(rows: PageResult[]) {
  let worst: { page: string; tier: number; cpu: number; run: number; ms: number; phases: Record<string, number> } | null = null;
  for (const r of rows)
    for (const ms of r.longTaskMs)
      if (!worst || ms > worst.ms)
        worst = {
          page: r.page,
          tier: r.tier,
          cpu: r.cpu,
          run: r.run,
          ms,
          phases: { walk: r2(r.walk), tokenize: r2(r.tokenize), match: r2(r.match), highlight: r2(r.highlight), load: r2(r.load) },
        };
  return worst;
}

const sum = (rows: readonly PageResult[], field: 'frameWaits' | 'framesLate' | 'frameTimeouts') => rows.reduce((n, r) => n + r[field], 0);

/**
 * Work ÷ isolated floor with the time our slices' thread was off the CPU taken out of the work (and out
 * of the floor, when the trace recorded it: --trace=cpu), and that time's share of all the work: the
 * part of the ratio that is the machine's (traced runs; else null).
 */
export function onCpuRatios(rows: readonly PageResult[]) {
  const traced = rows.filter((r) => r.offCpu != null);
  if (!traced.length) return null;
  const off = traced.reduce((n, r) => n + r.offCpu!, 0);
  const work = traced.reduce((n, r) => n + r.work, 0);
  return {
    ratioIsolated: spread(traced.map((r) => overFloor(Math.max(0, r.work - r.offCpu!), r.floorIsolatedOnCpu ?? r.floorIsolated))),
    offCpuShare: r2(work ? off / work : 0),
    pages: traced.length,
  };
}

export function summariseTier(m: TierMeasures) {
  const { rows } = m;
  const of = (field: 'ratio' | 'ratioCold' | 'ratioIsolated' | 'floorIsolated' | 'work' | 'visibility' | 'load' | 'lookupWait') => rows.map((r) => r[field]);
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
    heapDeltaMB: { median: r2(quantile(m.heap, 0.5) / 1048576), max: m.heap.length ? r2(Math.max(...m.heap) / 1048576) : NaN, pages: m.heapPages },
    hoverMs: {
      awake: { ...centre(m.hoverAwake), n: m.hoverAwake.length },
      asleep: { ...centre(m.hoverAsleep), n: m.hoverAsleep.length },
    },
    offHostRequests: m.offHostRequests,
    cpu: m.cpu,
    run: m.run,
    ratioIsolated: spread(of('ratioIsolated')),
    floorIsolatedMs: spread(of('floorIsolated')),
    tokenizePerMChars: tokenizePerMChars(rows),
    pagesWithLongTask: rows.filter((r) => r.longTasks > 0).length,
    pagesWithOurLongTask: rows.filter((r) => r.longTaskCauses.some((c) => c.ours)).length,
    longestSliceMs: r2(Math.max(0, ...rows.map((r) => r.longestSlice))),
    worstLongTask: worstLongTask(rows),
    frames: { waits: sum(rows, 'frameWaits'), late: sum(rows, 'framesLate'), timeouts: sum(rows, 'frameTimeouts') },
    onCpu: onCpuRatios(rows),
  };
}
export type TierSummary = ReturnType<typeof summariseTier>;

export interface ReportInput {
  pages: number;
  repeat: number;
  summary: TierSummary[];
  append?: AppendRound[];
  bundle: { raw: number; gzip: number };
  /** Every page load, for the long-task lines (one per CPU rate). */
  perPage?: PageResult[];
  /** The build's name in the Markdown table (`--label=`). */
  label?: string;
}

const tierName = (r: Pick<TierSummary, 'tier' | 'cpu' | 'run'>) => `${r.tier}${r.cpu !== 1 ? ` ×${r.cpu}` : ''}${r.run > 1 ? ` #${r.run}` : ''}`;
const phaseText = (p: Record<string, number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** One line per CPU rate: how many pages had a long task during the extension's first scan, and the worst. */
export function longTaskLines(rows: PageResult[]): string[] {
  const rates = [...new Set(rows.map((r) => r.cpu))].sort((a, b) => a - b);
  return rates.map((cpu) => {
    const at = rows.filter((r) => r.cpu === cpu);
    const loads = at.reduce((n, r) => n + (r.loads ?? 1), 0);
    const hit = at.filter((r) => r.longTasks > 0);
    const pages = new Set(hit.map((r) => r.page));
    const tasks = hit.reduce((n, r) => n + r.longTasks, 0);
    const w = worstLongTask(at);
    const worst = w ? `; worst ${w.ms} ms on ${w.page} (${w.tier} aliases, run ${w.run}; that page's work in ms: ${phaseText(w.phases)})` : '';
    const causes = hit.flatMap((r) => r.longTaskCauses.map((c) => ({ ...c, page: r.page })));
    const ours = causes.filter((c) => c.ours);
    const gc = (c: LongTaskCause) => (c.gcMs === undefined ? '' : `, GC ${c.gcMs} ms`) + (c.offCpuMs ? `, off CPU ${c.offCpuMs} ms` : '');
    const filled = ours.some((c) => c.gcMs !== undefined) ? `; ${ours.filter(gcFilled).length} of ours under ${LONG_TASK_MS} ms without their GC` : '';
    const whose = ours.length
      ? `; ours: ${ours.length} (${ours.map((c) => `${c.page} ${c.ms} ms${c.hidden ? ' (unreported)' : ''}, ${c.start ? "the script's start" : c.style ? "the highlight sheet's style pass" : `${c.oursMs} ms of ${c.phases.join('/')}`}${gc(c)}`).join('; ')})${filled}`
      : tasks
        ? '; ours: none'
        : '';
    const longest = at.reduce<PageResult | null>((m, r) => (!m || r.longestSlice > m.longestSlice ? r : m), null);
    const slice = longest
      ? `; our longest slice ${r2(longest.longestSlice)} ms (${longest.page}${longest.longestSlicePhase ? `, ${longest.longestSlicePhase}` : ''})`
      : '';
    const hidden = causes.filter((c) => c.hidden).length;
    const unreported = hidden ? `, ${hidden} of them not reported by the Long Tasks API` : '';
    return `CPU ×${cpu}: ${pages.size} page(s) with a long task during the first scan (${tasks} task(s) in ${loads} page loads${unreported})${worst}${whose}${slice}`;
  });
}

/** Per tier: work ÷ the isolated-world cold floor, and the tokenizer's cost per million characters. */
export function floorLines(summary: TierSummary[]): string[] {
  return summary.map(
    (r) =>
      `${tierName(r)} aliases: work ÷ isolated-world cold floor ${r.ratioIsolated.median} median, ${r.ratioIsolated.p95} p95, ${r.ratioIsolated.worst} worst (floor ${r.floorIsolatedMs.median} ms median, ${r.floorIsolatedMs.worst} ms worst); tokenize + hash (in the worker) ${r.tokenizePerMChars.overall} ms per million characters (median page ${r.tokenizePerMChars.median})` +
      (r.onCpu
        ? `; on the CPU (the time our slices' thread was off it taken out, ${Math.round(r.onCpu.offCpuShare * 100)} % of the work): ${r.onCpu.ratioIsolated.median} median, ${r.onCpu.ratioIsolated.p95} p95, ${r.onCpu.ratioIsolated.worst} worst`
        : ''),
  );
}

/** The README's before/after table: a header, then one row per tier, CPU rate and run; later builds append rows. */
export function markdownTable(summary: TierSummary[], label = 'this build', header = true): string[] {
  const lines = header
    ? [
        '| build | CPU | aliases | work ms median / p95 | work ÷ isolated floor: median · p95 | isolated floor ms median / worst | work ÷ F warm · F cold (old): median | tokenize + hash ms per M chars: corpus · median page | pages with a long task (ours) | worst long task ms | longest slice ms |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
      ]
    : [];
  for (const r of summary)
    lines.push(
      `| ${label} | ×${r.cpu}${r.run > 1 ? ` (run ${r.run})` : ''} | ${r.tier.toLocaleString('en')} | ${r.workMs.median} / ${r.workMs.p95} | ${r.ratioIsolated.median} · ${r.ratioIsolated.p95} | ${r.floorIsolatedMs.median} / ${r.floorIsolatedMs.worst} | ${r.ratio.median} · ${r.ratioCold.median} | ${r.tokenizePerMChars.overall} · ${r.tokenizePerMChars.median} | ${r.pagesWithLongTask} of ${r.pages} (${r.pagesWithOurLongTask}) | ${r.worstLongTask ? `${r.worstLongTask.ms} (${r.worstLongTask.page})` : '—'} | ${r.longestSliceMs} |`,
    );
  return lines;
}

/**
 * Where the bench serves a corpus page: under its site's own name (`nytimes-1.html` and `nytimes-2.html`
 * on `nytimes.localhost`), as a reader meets them. Served from one origin, every page ran in one renderer
 * and each load inherited the garbage of all those before it: the collection of 90–380 MB of earlier
 * pages then fell in our first slice (the ninth and tenth rounds' traces), a cost no reader moving
 * between sites pays (a new site gets a new renderer). Chromium resolves `*.localhost` to loopback by itself; `oneOrigin` keeps the old way.
 * With `load` (a number per load), every load gets a name of its own (`nytimes-l7.localhost`), so a new
 * renderer in which none of the content script's code has been compiled yet: the first page a reader
 * opens on a site (the twelfth round).
 */
export function corpusPageUrl(origin: string, name: string, oneOrigin = false, load: number | null = null): string {
  if (oneOrigin) return `${origin}/corpus/${name}`;
  const u = new URL(origin);
  const suffix = load === null ? '' : `-l${load}`;
  const site =
    (name
      .replace(/\.html$/i, '')
      .replace(/-\d+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63 - suffix.length) || 'page') + suffix;
  return `${u.protocol}//${site}.localhost${u.port ? `:${u.port}` : ''}/corpus/${name}`;
}

/** The table and notes printed at the end of a run, one string per line. */
export function reportLines({ pages, repeat, summary, append, bundle, perPage, label }: ReportInput): string[] {
  const pad = (v: unknown, n: number) => String(v).padStart(n);
  const lines = [
    `\nBackstory benchmark — ${pages} corpus pages, headless Chromium, median of ${repeat} load(s) per page\n`,
    `${'aliases'.padEnd(9)}${pad('work/F med', 11)}${pad('p95', 7)}${pad('worst', 8)}${pad('work ms med', 12)}${pad('worst', 8)}${pad('load ms p95', 12)}${pad('DCL→hl p95', 11)}${pad('long tasks', 11)}${pad('heap MB', 9)}${pad('hover awake', 12)}${pad('asleep', 8)}`,
  ];
  for (const r of summary)
    lines.push(
      `${tierName(r).padEnd(9)}${pad(r.ratio.median, 11)}${pad(r.ratio.p95, 7)}${pad(r.ratio.worst, 8)}${pad(r.workMs.median, 12)}${pad(r.workMs.worst, 8)}${pad(r.loadMs.p95, 12)}${pad(r.dclToHighlightsMs.p95, 11)}${pad(r.longTasks, 11)}${pad(r.heapDeltaMB.max, 9)}${pad(r.hoverMs.awake.p95, 12)}${pad(r.hoverMs.asleep.p95, 8)}`,
    );
  for (const r of summary)
    lines.push(
      `${r.tier} aliases: visibility checks ${r.visibilityMs.median} ms median, ${r.visibilityMs.p95} ms p95, ${r.visibilityMs.worst} ms worst (part of work); ` +
        `waits for a frame before them ${r.frames.waits}, ${r.frames.late} with the frame after ${HIDDEN_FRAME_WAIT_MS} ms, ${r.frames.timeouts} with none`,
    );
  lines.push('', ...floorLines(summary), ...longTaskLines(perPage ?? []));
  lines.push('', 'Markdown (README, Performance: before/after):', '', ...markdownTable(summary, label), '');
  for (const a of append ?? []) lines.push(`append 1,000 paragraphs: ${a.chars} chars, work ${r2(a.workMs)} ms, F ${r2(a.floorMs)} ms → ${r2(a.ratio)}× F`);
  lines.push(`content scripts (main and card): ${(bundle.raw / 1024).toFixed(1)} kB raw, ${(bundle.gzip / 1024).toFixed(1)} kB gzip`);
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
  if (!runs.length) return [];
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
