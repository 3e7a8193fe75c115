import { describe, expect, it } from 'vitest';
import { compileSplit, explainWindow, explainedLine, slicesOffCpuMs, type TraceEvent } from '../../scripts/bench-trace';

// A load's trace in miniature: navigationStart at 1 s (trace µs), the page's main thread 10/11.
const nav: TraceEvent = {
  name: 'navigationStart',
  ph: 'R',
  ts: 1_000_000,
  pid: 10,
  tid: 11,
  args: { data: { documentLoaderURL: 'http://127.0.0.1/corpus/a.html' } },
};
const major: TraceEvent = {
  name: 'MajorGC',
  ph: 'X',
  ts: 1_210_000,
  dur: 40_000,
  pid: 10,
  tid: 11,
  args: { type: 'finalize incremental marking via stack guard', usedHeapSizeBefore: 204_000_000, usedHeapSizeAfter: 11_300_000 },
};
const minor: TraceEvent = { name: 'MinorGC', ph: 'X', ts: 1_240_000, dur: 20_000, pid: 10, tid: 11 };
const elsewhere: TraceEvent = { name: 'MajorGC', ph: 'X', ts: 1_210_000, dur: 90_000, pid: 10, tid: 99 };
// Samples every 5 ms from 1.2 s: walk, (garbage collector) while the major GC runs, then walk.
const profile: TraceEvent = { name: 'Profile', ph: 'P', ts: 1_200_000, pid: 10, tid: 11, id: '0x1', args: { data: { startTime: 1_200_000 } } };
const chunk: TraceEvent = {
  name: 'ProfileChunk',
  ph: 'P',
  ts: 1_300_000,
  pid: 10,
  tid: 11,
  id: '0x1',
  args: {
    data: {
      cpuProfile: {
        nodes: [
          { id: 1, callFrame: { functionName: '(root)' } },
          { id: 2, callFrame: { functionName: '(garbage collector)' }, parent: 1 },
          { id: 3, callFrame: { functionName: 'walk' }, parent: 1 },
        ],
        samples: [3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3],
      },
      timeDeltas: Array(16).fill(5_000),
    },
  },
};
// The frame painted 150–155 ms after navigationStart; a forced style pass (222–226) and layout inside it (223–230).
const paint: TraceEvent = { name: 'Paint', ph: 'X', ts: 1_150_000, dur: 5_000, pid: 10, tid: 11 };
const style: TraceEvent = { name: 'UpdateLayoutTree', ph: 'X', ts: 1_222_000, dur: 4_000, pid: 10, tid: 11 };
const layout: TraceEvent = { name: 'Layout', ph: 'X', ts: 1_223_000, dur: 7_000, pid: 10, tid: 11 };
// Two tasks: 190–230 ms with 30 ms of CPU, and 230–270 ms with all 40 (the second sticks out of a 200–260 window).
const task1: TraceEvent = { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: 1_190_000, dur: 40_000, tdur: 30_000, pid: 10, tid: 11 };
const task2: TraceEvent = { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: 1_230_000, dur: 40_000, tdur: 40_000, pid: 10, tid: 11 };
// An incremental marking step V8 took inside the script, 252–256 ms, nested in nothing else.
const step: TraceEvent = { name: 'V8.GC_MC_INCREMENTAL', ph: 'X', ts: 1_252_000, dur: 4_000, pid: 10, tid: 11 };
// A checkpoint inside the first task (counted with it), and one of its own after the second: 270–280 ms, 10 of CPU.
const inner: TraceEvent = { name: 'BlinkScheduler_PerformMicrotaskCheckpoint', ph: 'X', ts: 1_200_000, dur: 10_000, tdur: 10_000, pid: 10, tid: 11 };
const own: TraceEvent = { name: 'BlinkScheduler_PerformMicrotaskCheckpoint', ph: 'X', ts: 1_270_000, dur: 10_000, tdur: 10_000, pid: 10, tid: 11 };
const trace = [nav, major, minor, elsewhere, profile, chunk, paint, style, layout, task1, inner, task2, own, step];

describe('explainWindow', () => {
  it('finds the GC pauses on the page’s main thread inside the window, counted once, and the samples by function', () => {
    // The window 200–260 ms after navigationStart holds the major GC (210–250) and the minor one
    // (240–260), which overlap for 10 ms: 50 ms of GC, not 60, and the marking step inside the minor
    // one adds nothing. The other thread's GC is not the page's.
    const x = explainWindow(trace, '/corpus/a.html', { start: 200, ms: 60 })!;
    expect(x.gcMs).toBe(40 + 10);
    expect(x.major).toEqual([{ ms: 40, type: 'finalize incremental marking via stack guard', beforeMb: 204, afterMb: 11.3 }]);
    // Samples at 205, 210, … ms: the twelve up to 260 ms are walk ×2, GC ×8, walk ×2.
    expect(x.samples).toEqual([
      ['(garbage collector)', 8],
      ['walk', 4],
    ]);
    // Style and layout overlap: 222–230 ms is 8 ms. The window starts 45 ms after the paint ended.
    expect(x.layoutMs).toBe(8);
    expect(x.sincePaintMs).toBe(45);
    // Inside the window: 30 ms of the first task (CPU 30 × 30/40 = 22.5) and 30 of the second (CPU 30).
    expect(x.tasks).toEqual({ wallMs: 60, cpuMs: 52.5 });
    const line = explainedLine('a.html', { ms: 50, phases: ['walk'] }, x);
    expect(line).toContain('major GC 40 ms');
    expect(line).toContain('style+layout 8 ms, last paint 45 ms before; tasks 60 ms, on CPU 52.5');
  });

  it('counts a microtask checkpoint outside any task as the thread’s work, and one inside a task once', () => {
    expect(explainWindow(trace, '/corpus/a.html', { start: 200, ms: 80 })!.tasks).toEqual({ wallMs: 80, cpuMs: 72.5 });
  });

  it('counts V8’s own GC scopes (marking steps, sweeping) as GC too', () => {
    expect(explainWindow(trace, '/corpus/a.html', { start: 250, ms: 5 })!.gcMs).toBe(5);
    expect(explainWindow([nav, step], '/corpus/a.html', { start: 250, ms: 5 })!.gcMs).toBe(3);
  });

  it('sees no GC in a window without one, and says when the trace lacks the page', () => {
    const x = explainWindow(trace, '/corpus/a.html', { start: 100, ms: 50 })!;
    expect(x).toEqual({ gcMs: 0, major: [], layoutMs: 0, tasks: null, sincePaintMs: null, samples: [] });
    expect(explainWindow(trace, '/corpus/b.html', { start: 0, ms: 50 })).toBeNull();
    expect(explainedLine('b.html', { ms: 50, phases: [] }, null)).toContain('no navigationStart');
  });
});

describe('compileSplit', () => {
  const ev = (name: string, ts: number, dur: number, tid = 11): TraceEvent => ({ name, ph: 'X', ts, dur, pid: 10, tid });
  const evaluate = ev('EvaluateScript', 1_000, 3_000);
  it('counts nested parsing and compiling once, split at the end of the evaluation, on its thread only', () => {
    const events = [
      evaluate,
      ev('v8.compile', 1_000, 2_000),
      ev('V8.ParseProgram', 1_100, 1_000), // inside v8.compile: not counted again
      ev('V8.CompileCode', 3_500, 1_000), // 0.5 ms in the evaluation, 0.5 after
      ev('V8.CompileCode', 6_000, 2_000),
      ev('V8.ParseFunction', 6_500, 500), // nested
      ev('V8.CompileCode', 6_000, 9_000, 99), // another thread
      ev('FunctionCall', 4_000, 9_000), // not compiling
      ev('V8.CompileCode', 20_000, 1_000), // after `until`
    ];
    expect(compileSplit(events, evaluate, 10_000)).toEqual({ startMs: 2.5, afterMs: 2.5 });
  });
});

describe('slicesOffCpuMs', () => {
  it("sums the slices' wall time their thread spent off the CPU, from the tasks around each slice", () => {
    // 190–230 ms: a task with 30 ms of CPU in 40 (its checkpoint inside counted with it); 230–280 ms: all on the CPU;
    // 300–305 ms: no task event around it, so nothing counted.
    const slices = [
      { start: 190, ms: 40 },
      { start: 230, ms: 50 },
      { start: 300, ms: 5 },
    ];
    expect(slicesOffCpuMs(trace, '/corpus/a.html', slices)).toBe(10);
    // Half of the first task's window: its off-CPU time counts in proportion.
    expect(slicesOffCpuMs(trace, '/corpus/a.html', [{ start: 210, ms: 20 }])).toBe(5);
    expect(slicesOffCpuMs(trace, '/corpus/a.html', [])).toBe(0);
  });

  it('says when the trace lacks the page', () => {
    expect(slicesOffCpuMs(trace, '/corpus/b.html', [{ start: 190, ms: 40 }])).toBeNull();
  });
});
