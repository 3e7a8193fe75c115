/**
 * What filled a long task of ours, from a performance trace of the load (`npm run bench -- --trace`).
 * The bench's rule charges a task to us when our slices' time makes it long, but a slice's time is
 * wall time: a garbage collection of the whole renderer, or a stall of the emulated CPU, inside one of
 * our slices counts as ours. The trace tells them apart: V8's GC events (with the heap before and
 * after) and the CPU profiler's samples over the task's window, so `(garbage collector)` beside our
 * functions shows whose time it was. Tracing slows what it records: use it to explain, not to measure.
 */

import type { LongTaskCause } from './bench-report';

/** V8's GC events and CPU samples, and the tasks and navigation marks to place them. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8',
  'disabled-by-default-v8.gc',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/**
 * Only what finds the GC in a long task, and whether its thread had the CPU (--trace=gc): Blink's MajorGC
 * and MinorGC events (`v8`), V8's own GC scopes (`disabled-by-default-v8.gc`: incremental marking steps
 * and sweeping run inside whatever script allocates, outside those two events, and filled long tasks
 * that the two alone showed without GC), the navigationStart mark and the tasks with their thread time.
 * It slows the load (the tenth round: median work +25 % at ×4 without V8's scopes), so a run with it
 * explains and does not measure.
 */
export const GC_TRACE_CATEGORIES = ['v8', 'disabled-by-default-v8.gc', 'blink.user_timing', 'toplevel'].join(',');

/**
 * Only the page's tasks with their thread time and the navigation mark (--trace=cpu): how much of our
 * slices' wall time their thread spent off the CPU, the OS running something else (on a 2-core
 * machine: the browser's other processes, the extension's worker). No V8 events, so it adds little to
 * the load it records.
 */
export const CPU_TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'].join(',');

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event, µs (toplevel tasks). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>;
}

export interface MajorGc {
  ms: number;
  type: string;
  /** The V8 heap in use before and after, MB. */
  beforeMb: number;
  afterMb: number;
}

export interface WindowExplained {
  /** GC pauses on the page's main thread inside the window, ms (overlapping events counted once). */
  gcMs: number;
  major: MajorGc[];
  /** Style recalculation and layout on the page's main thread inside the window, ms (counted once). */
  layoutMs: number;
  /**
   * The page's main-thread tasks in the window, ms, and the CPU time its thread had in them (each task's
   * share of its thread time, by its overlap with the window): far less CPU than wall time means the OS
   * took the thread away. Null without task events in the trace.
   */
  tasks: { wallMs: number; cpuMs: number } | null;
  /** From the end of the page's last paint before the window to the window's start, ms; null: none. */
  sincePaintMs: number | null;
  /** CPU profiler samples in the window by leaf function, most first (`(garbage collector)`, `walk`, …). */
  samples: [string, number][];
}

const GC_EVENTS = new Set(['MajorGC', 'MinorGC']);
const LAYOUT_EVENTS = new Set(['UpdateLayoutTree', 'Layout']);
const PAINT_EVENTS = new Set(['Paint', 'Commit']);
/**
 * The thread's top-level work (`toplevel`): its tasks, and the microtask checkpoints the scheduler runs
 * between them, where the continuation of a `scheduler.yield()` (each slice of ours after the first) runs.
 */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const round1 = (x: number) => Math.round(x * 10) / 10;
/** By start, and of two that start together the longer first, so an event comes before those nested in it. */
const outerFirst = (a: TraceEvent, b: TraceEvent) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0);

/** The load's navigationStart mark for the page whose address contains `pageUrlPart` (the last one). */
function navigationOf(events: readonly TraceEvent[], pageUrlPart: string): TraceEvent | undefined {
  return events.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(pageUrlPart)).pop();
}

/**
 * Explain a window of the page's timeline (`start` and `ms` in the page's performance.now() time, whose
 * zero is the document's navigationStart mark) from the load's trace. Null when the trace has no
 * navigationStart for `pageUrlPart`.
 */
export function explainWindow(events: readonly TraceEvent[], pageUrlPart: string, window: { start: number; ms: number }): WindowExplained | null {
  const nav = navigationOf(events, pageUrlPart);
  if (!nav) return null;
  const from = nav.ts + window.start * 1000;
  const to = from + window.ms * 1000;
  const onMain = (e: TraceEvent) => e.pid === nav.pid && e.tid === nav.tid;
  const inWindow = (named: (name: string) => boolean) =>
    events.filter((e) => onMain(e) && e.ph === 'X' && named(e.name) && e.ts < to && e.ts + (e.dur ?? 0) > from).sort(outerFirst);
  // Blink's MajorGC and MinorGC, and with `disabled-by-default-v8.gc` V8's own scopes on the thread:
  // incremental marking steps and lazy sweeping run inside whatever script allocates, outside those two.
  const gcs = inWindow((n) => GC_EVENTS.has(n) || n.startsWith('V8.GC_'));
  const major = gcs
    .filter((g) => g.name === 'MajorGC')
    .map((g) => ({
      ms: round1((g.dur ?? 0) / 1000),
      type: String(g.args?.type ?? ''),
      beforeMb: round1(Number(g.args?.usedHeapSizeBefore ?? 0) / 1e6),
      afterMb: round1(Number(g.args?.usedHeapSizeAfter ?? 0) / 1e6),
    }));
  const lastPaint = events
    .filter((e) => onMain(e) && e.ph === 'X' && PAINT_EVENTS.has(e.name))
    .reduce((last, e) => (e.ts + (e.dur ?? 0) <= from ? Math.max(last, e.ts + (e.dur ?? 0)) : last), -Infinity);
  return {
    gcMs: round1(unionUs(gcs, from, to) / 1000),
    major,
    layoutMs: round1(
      unionUs(
        inWindow((n) => LAYOUT_EVENTS.has(n)),
        from,
        to,
      ) / 1000,
    ),
    tasks: roundedTasks(
      tasksIn(
        inWindow((n) => TASK_EVENTS.has(n)),
        from,
        to,
      ),
    ),
    sincePaintMs: lastPaint === -Infinity ? null : round1((from - lastPaint) / 1000),
    samples: samplesIn(events, nav, from, to),
  };
}

/**
 * Of the slices' wall time (`start` ms after navigation, `ms` long), how much their thread was off the
 * CPU: each slice's tasks' wall time minus their thread time, summed, ms. Null without the navigation
 * mark. Slices are timed by the wall clock, so this is the part of a page's `work` that was the
 * machine's, not ours; slices without a task event around them count none (a low estimate).
 */
export function slicesOffCpuMs(events: readonly TraceEvent[], pageUrlPart: string, slices: readonly { start: number; ms: number }[]): number | null {
  const nav = navigationOf(events, pageUrlPart);
  if (!nav) return null;
  const tasks = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && TASK_EVENTS.has(e.name)).sort(outerFirst);
  let us = 0;
  for (const sl of slices) {
    const from = nav.ts + sl.start * 1000;
    const to = from + sl.ms * 1000;
    const t = tasksIn(
      tasks.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from),
      from,
      to,
    );
    // Unrounded per slice: a page has hundreds of slices of a few milliseconds.
    if (t) us += Math.max(0, t.wallUs - t.cpuUs);
  }
  return round1(us / 1000);
}

/** V8's parsing and compiling (`v8` and `disabled-by-default-v8.compile`): the script's, and each function's on its first call. */
const isCompile = (name: string) => name === 'v8.compile' || /^V8\.(Compile|Parse|PreParse)/.test(name);

/**
 * How long V8 parsed and compiled on the thread that evaluated a script (`evaluate`, its EvaluateScript
 * event), in ms, nested events counted once: during the evaluation (the script's start) and after it,
 * up to `until` (trace µs), where each function is compiled on its first call. A renderer that has run
 * the script before reuses its compiled code, so both fall to about nothing on its later loads.
 */
export function compileSplit(events: readonly TraceEvent[], evaluate: TraceEvent, until: number): { startMs: number; afterMs: number } {
  const end = evaluate.ts + (evaluate.dur ?? 0);
  const spans = events.filter((e) => e.pid === evaluate.pid && e.tid === evaluate.tid && e.ph === 'X' && isCompile(e.name)).sort(outerFirst);
  return { startMs: round1(unionUs(spans, evaluate.ts, end) / 1000), afterMs: round1(unionUs(spans, end, until) / 1000) };
}

/** Wall and CPU time of the tasks inside the window, µs; a task that sticks out counts for the part inside. */
function tasksIn(tasks: readonly TraceEvent[], from: number, to: number): { wallUs: number; cpuUs: number } | null {
  // Sorted by start: one inside an earlier one (a checkpoint inside its task) is counted with it.
  const timed: TraceEvent[] = [];
  for (const t of tasks) {
    const last = timed[timed.length - 1];
    if ((t.dur ?? 0) > 0 && t.tdur !== undefined && !(last && t.ts + t.dur! <= last.ts + last.dur!)) timed.push(t);
  }
  if (!timed.length) return null;
  let wallUs = 0;
  let cpuUs = 0;
  for (const t of timed) {
    const inside = Math.min(t.ts + t.dur!, to) - Math.max(t.ts, from);
    wallUs += inside;
    cpuUs += (t.tdur! * inside) / t.dur!;
  }
  return { wallUs, cpuUs };
}

const roundedTasks = (t: { wallUs: number; cpuUs: number } | null): WindowExplained['tasks'] =>
  t ? { wallMs: round1(t.wallUs / 1000), cpuMs: round1(t.cpuUs / 1000) } : null;

/** Time covered by `spans` (sorted by start) between `from` and `to`, nested or overlapping ones once, µs. */
function unionUs(spans: readonly TraceEvent[], from: number, to: number): number {
  let us = 0;
  let reached = from;
  for (const g of spans) {
    const start = Math.max(g.ts, reached);
    const end = Math.min(g.ts + (g.dur ?? 0), to);
    if (end > start) us += end - start;
    reached = Math.max(reached, end);
  }
  return us;
}

/** The profiler's samples on the page's main thread between `from` and `to` (trace µs), by leaf function. */
function samplesIn(events: readonly TraceEvent[], nav: TraceEvent, from: number, to: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of events.filter((e) => e.name === 'Profile' && e.pid === nav.pid && e.tid === nav.tid)) {
    const names = new Map<number, string>();
    let t = Number(p.args?.data?.startTime ?? 0);
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === p.pid && e.id === p.id).sort((a, b) => a.ts - b.ts);
    for (const c of chunks) {
      const profile = c.args?.data?.cpuProfile ?? {};
      for (const n of profile.nodes ?? []) names.set(n.id, n.callFrame?.functionName || '(anonymous)');
      const deltas: number[] = c.args?.data?.timeDeltas ?? [];
      (profile.samples ?? []).forEach((id: number, i: number) => {
        t += deltas[i] ?? 0;
        if (t < from || t > to) return;
        const name = names.get(id) ?? '?';
        counts.set(name, (counts.get(name) ?? 0) + 1);
      });
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** One line for the bench's log: the long task (its length and our phases in it) and what filled it. */
export function explainedLine(page: string, { ms, phases }: Pick<LongTaskCause, 'ms' | 'phases'>, x: WindowExplained | null): string {
  if (!x) return `  trace: ${page} ${ms} ms: no navigationStart in the trace`;
  const major = x.major.map((g) => `major GC ${g.ms} ms (${g.type}; heap ${g.beforeMb} → ${g.afterMb} MB)`).join(', ');
  const total = x.samples.reduce((n, [, c]) => n + c, 0);
  const top = x.samples
    .slice(0, 4)
    .map(([f, c]) => `${f} ${Math.round((100 * c) / total)}%`)
    .join(', ');
  const paint = x.sincePaintMs === null ? 'no paint before' : `last paint ${x.sincePaintMs} ms before`;
  const cpu = x.tasks ? `; tasks ${x.tasks.wallMs} ms, on CPU ${x.tasks.cpuMs}` : '';
  return `  trace: ${page} ${ms} ms (${phases.join('/') || 'no slice'}): GC ${x.gcMs} ms${major ? ` — ${major}` : ''}; style+layout ${x.layoutMs} ms, ${paint}${cpu}; samples: ${top || 'none'}`;
}
