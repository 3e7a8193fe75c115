import { describe, expect, it } from 'vitest';
import {
  attributeLongTask,
  corpusPageUrl,
  floorLines,
  gcFilled,
  hiddenLongTasks,
  libraryLines,
  longTaskLines,
  markdownTable,
  medianRun,
  onCpuRatios,
  quantile,
  reportLines,
  SCRIPT_EVAL_MS,
  summariseTier,
  tokenizePerMChars,
  worstLongTask,
  type PageResult,
} from '../../scripts/bench-report';
import { chartRows } from '../../scripts/bench-chart';

function row(page: string, over: Partial<PageResult> = {}): PageResult {
  return {
    page,
    tier: 10,
    cpu: 1,
    run: 1,
    chars: 1000,
    scanChars: 1000,
    floorCold: 1,
    floorWarm: 0.5,
    floorIsolated: 2,
    walk: 1,
    tokenize: 1,
    match: 1,
    highlight: 1,
    visibility: 0.5,
    load: 1,
    lookupWait: 2,
    work: 4,
    ratio: 8,
    ratioCold: 4,
    ratioIsolated: 2,
    dclToHighlights: 30,
    longTasks: 0,
    longTaskMs: [],
    longTaskCauses: [],
    longestSlice: 0,
    longestSlicePhase: '',
    highlights: 3,
    frameWaits: 1,
    framesLate: 0,
    frameTimeouts: 0,
    ...over,
  };
}

describe('bench report', () => {
  it('takes quantiles by nearest rank, NaN for none', () => {
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.95)).toBe(4);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('takes the median run by work, and refuses none', () => {
    expect(medianRun([row('a', { work: 9 }), row('a', { work: 1 }), row('a', { work: 5 })]).work).toBe(5);
    expect(() => medianRun([])).toThrow(/repeat/);
  });

  it('counts the long tasks of every repeated load, and takes ratios against the median floors', () => {
    const reps = [
      row('a', { work: 9, floorIsolated: 1, longTasks: 1, longTaskMs: [60], longestSlice: 8, longestSlicePhase: 'walk' }),
      row('a', { work: 4, floorIsolated: 4 }),
      row('a', { work: 6, floorIsolated: 2, floorWarm: 3, floorCold: 1.5, longestSlice: 3, longestSlicePhase: 'paint' }),
    ];
    const m = medianRun(reps);
    expect(m.work).toBe(6);
    expect(m.floorIsolated).toBe(2);
    expect(m.ratioIsolated).toBe(3);
    expect(m.floorWarm).toBe(0.5);
    expect(m.ratio).toBe(12);
    expect(m.ratioCold).toBe(6);
    expect(m.longTasks).toBe(1);
    expect(m.longTaskMs).toEqual([60]);
    expect([m.longestSlice, m.longestSlicePhase]).toEqual([8, 'walk']);
    // Waits for a frame, like long tasks, are every load's.
    expect([m.frameWaits, m.framesLate, m.frameTimeouts]).toEqual([3, 0, 0]);
    // The long-task line counts the loads, not the rows.
    expect(longTaskLines([m, row('b')])[0]).toContain('1 task(s) in 4 page loads');
  });

  it('summarises a tier in the shape results.json has always had', () => {
    const rows = [
      row('a.html', { ratio: 2, dclToHighlights: null }),
      row('b.html', { ratio: 10, longTasks: 2, frameWaits: 3, framesLate: 2, frameTimeouts: 1 }),
    ];
    const s = summariseTier({
      tier: 10,
      cpu: 1,
      run: 1,
      packImportMs: 12,
      rows,
      heap: [1048576, 3 * 1048576],
      heapPages: ['b.html', 'a.html'],
      hoverAwake: [5, 7],
      hoverAsleep: [50],
      offHostRequests: 0,
    });
    expect(Object.keys(s)).toEqual([
      'tier',
      'packImportMs',
      'pages',
      'ratio',
      'ratioCold',
      'worstPage',
      'workMs',
      'visibilityMs',
      'loadMs',
      'lookupWaitMs',
      'dclToHighlightsMs',
      'longTasks',
      'heapDeltaMB',
      'hoverMs',
      'offHostRequests',
      'cpu',
      'run',
      'ratioIsolated',
      'floorIsolatedMs',
      'tokenizePerMChars',
      'pagesWithLongTask',
      'pagesWithOurLongTask',
      'longestSliceMs',
      'worstLongTask',
      'frames',
      'onCpu',
    ]);
    expect(s.onCpu).toBeNull();
    expect(s.ratio).toEqual({ median: 10, p95: 10, worst: 10 });
    expect(s.worstPage).toBe('b.html');
    expect(s.lookupWaitMs).toEqual({ median: 2, p95: 2 });
    expect(s.dclToHighlightsMs).toEqual({ median: 30, p95: 30 });
    expect(s.longTasks).toBe(2);
    expect(s.frames).toEqual({ waits: 4, late: 2, timeouts: 1 });
    expect(s.heapDeltaMB).toEqual({ median: 3, max: 3, pages: ['b.html', 'a.html'] });
    expect(s.hoverMs).toEqual({ awake: { median: 7, p95: 7, n: 2 }, asleep: { median: 50, p95: 50, n: 1 } });

    const lines = reportLines({ pages: 2, repeat: 1, summary: [s], bundle: { raw: 2048, gzip: 1024 } });
    expect(lines[0]).toContain('2 corpus pages');
    expect(lines[2]?.startsWith('10       ')).toBe(true);
    expect(lines).toContain('content scripts (main and card): 2.0 kB raw, 1.0 kB gzip');
    expect(lines.some((l) => l.startsWith('append'))).toBe(false);
  });
});

describe('bench report: the isolated-world floor, the tokenizer per character, long tasks', () => {
  const measures = (rows: PageResult[], cpu = 1, heap: number[] = []) =>
    summariseTier({ tier: 10, cpu, run: 1, packImportMs: 0, rows, heap, heapPages: [], hoverAwake: [], hoverAsleep: [], offHostRequests: 0 });

  it('prices tokenizing per million characters over the corpus and on the median page, ignoring tiny pages there', () => {
    const rows = [
      { tokenize: 1, scanChars: 2000 }, // 500 ms/M
      { tokenize: 3, scanChars: 2000 }, // 1500 ms/M
      { tokenize: 5, scanChars: 100 }, // too small for the median page, counts in the corpus total
    ];
    expect(tokenizePerMChars(rows)).toEqual({ overall: Math.round((9 / 4100) * 1e6), median: 1500 });
    expect(tokenizePerMChars([]).overall).toBeNaN();
  });

  it('names the longest long task with its page, rate and phases, or none', () => {
    const rows = [
      row('a.html', { longTasks: 1, longTaskMs: [60], walk: 20 }),
      row('b.html', { cpu: 4, run: 2, longTasks: 2, longTaskMs: [55, 85], tokenize: 25.004 }),
      row('c.html'),
    ];
    expect(worstLongTask(rows)).toEqual({
      page: 'b.html',
      tier: 10,
      cpu: 4,
      run: 2,
      ms: 85,
      phases: { walk: 1, tokenize: 25, match: 1, highlight: 1, load: 1 },
    });
    expect(worstLongTask([row('c.html')])).toBeNull();
  });

  it('summarises work ÷ the isolated floor and the pages with a long task; no heap measured reads NaN, not -Infinity', () => {
    const s = measures([row('a.html', { ratioIsolated: 3, longTasks: 1, longTaskMs: [70] }), row('b.html', { ratioIsolated: 1 })]);
    expect(s.ratioIsolated).toEqual({ median: 3, p95: 3, worst: 3 });
    expect(s.floorIsolatedMs.median).toBe(2);
    expect(s.pagesWithLongTask).toBe(1);
    expect(s.worstLongTask?.ms).toBe(70);
    expect(s.heapDeltaMB.max).toBeNaN();
  });

  it('prints one long-task line per CPU rate, counting pages once across tiers and runs', () => {
    const lines = longTaskLines([
      row('a.html', { longTasks: 1, longTaskMs: [52] }),
      row('a.html', { tier: 100000, longTasks: 1, longTaskMs: [51] }),
      row('b.html'),
      row('a.html', { cpu: 4 }),
      row('b.html', { cpu: 4, run: 2, longTasks: 2, longTaskMs: [60, 90] }),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^CPU ×1: 1 page\(s\) with a long task during the first scan \(2 task\(s\) in 3 page loads\); worst 52 ms on a\.html \(10 aliases, run 1;/,
    );
    expect(lines[1]).toMatch(/^CPU ×4: 1 page\(s\) .* \(2 task\(s\) in 2 page loads\); worst 90 ms on b\.html .*run 2; .*walk 1, tokenize 1/);
    expect(longTaskLines([])).toEqual([]);
  });

  it('prints a Markdown table that later builds extend row by row', () => {
    const one = measures([row('a.html', { ratioIsolated: 3, work: 6 })]);
    const four = measures([row('a.html', { cpu: 4, longTasks: 1, longTaskMs: [70] })], 4);
    const table = markdownTable([one, four], 'before');
    expect(table).toHaveLength(4);
    expect(table[0]?.split('|').length).toBe(table[1]?.split('|').length);
    expect(table[0]?.split('|').length).toBe(table[2]?.split('|').length);
    expect(table[2]).toBe('| before | ×1 | 10 | 6 / 6 | 3 · 3 | 2 / 2 | 8 · 4 | 1000 · 1000 | 0 of 1 (0) | — | 0 |');
    expect(table[3]).toContain('| ×4 | 10 |');
    expect(table[3]).toContain('| 1 of 1 (0) | 70 (a.html) |');
    expect(markdownTable([one], 'after', false)).toEqual([table[2]?.replace('before', 'after')]);
    expect(floorLines([four])[0]).toMatch(/^10 ×4 aliases: work ÷ isolated-world cold floor 2 median/);
    const report = reportLines({ pages: 1, repeat: 1, summary: [one], bundle: { raw: 1024, gzip: 512 }, perPage: [row('a.html')], label: 'before' });
    expect(report).toContain(table[2]);
    expect(report.some((l) => l.startsWith('CPU ×1: 0 page(s)'))).toBe(true);
  });

  it('prints no library table when the library phase was skipped (--library=)', () => {
    expect(libraryLines([])).toEqual([]);
  });

  it('charts the first run at the lowest CPU rate only', () => {
    const rows = [row('a.html'), row('a.html', { cpu: 4 }), row('a.html', { run: 2 })];
    expect(chartRows(rows)).toEqual([rows[0]]);
  });

  it("tells the extension's long tasks from the page's by our slices inside them", () => {
    const slices = [
      { phase: 'walk' as const, start: 100, ms: 40 },
      { phase: 'load' as const, start: 140, ms: 20 },
      { phase: 'walk' as const, start: 300, ms: 5 },
    ];
    // 65 ms, 60 of them ours: without us it would have been 5 ms.
    const ours = attributeLongTask({ start: 98, duration: 65 }, slices, 10);
    expect(ours).toMatchObject({ ms: 65, oursMs: 60, start: false, ours: true, phases: ['walk', 'load'], span: { start: 98, ms: 65 } });
    // The page's own 120 ms task, with 5 ms of our walk at its end: still the page's.
    expect(attributeLongTask({ start: 185, duration: 120 }, slices, 10)).toMatchObject({ oursMs: 5, ours: false, phases: ['walk'] });
    // No slice of ours, but it holds the script's start (compiling and evaluating it), which counts
    // as SCRIPT_EVAL_MS × the CPU rate: ours when that much makes it long, the page's when it is long without.
    expect(attributeLongTask({ start: 9, duration: 54 }, slices, 10)).toMatchObject({ oursMs: 0, start: true, ours: true });
    expect(attributeLongTask({ start: 9, duration: 70 }, slices, 10)).toMatchObject({ oursMs: 0, start: true, ours: false });
    expect(attributeLongTask({ start: 9, duration: 68 }, slices, 10, [], 4)).toMatchObject({ start: true, ours: true });
    expect(attributeLongTask({ start: 9, duration: 85 }, slices, 10, [], 4)).toMatchObject({ start: true, ours: false });
    expect(54 - SCRIPT_EVAL_MS).toBeLessThan(50);
    expect(70 - SCRIPT_EVAL_MS).toBeGreaterThanOrEqual(50);
    // Neither: the page's.
    expect(attributeLongTask({ start: 400, duration: 80 }, slices, 10)).toMatchObject({ oursMs: 0, start: false, style: false, ours: false, phases: [] });
    // The same task right after the highlight sheet went in: its style pass, ours; long after, the page's.
    expect(attributeLongTask({ start: 400, duration: 80 }, slices, 10, [120, 350])).toMatchObject({ oursMs: 0, style: true, ours: true });
    expect(attributeLongTask({ start: 400, duration: 80 }, slices, 10, [100])).toMatchObject({ style: false, ours: false });
  });

  it('says which long tasks were ours, and the longest slice, per CPU rate', () => {
    const cause = attributeLongTask({ start: 98, duration: 65 }, [{ phase: 'walk', start: 100, ms: 60 }], 10);
    const page = attributeLongTask({ start: 500, duration: 90 }, [], 10);
    const rows = [
      row('a.html', { cpu: 4, longTasks: 1, longTaskMs: [65], longTaskCauses: [cause], longestSlice: 60, longestSlicePhase: 'walk' }),
      row('b.html', { cpu: 4, longTasks: 1, longTaskMs: [90], longTaskCauses: [page], longestSlice: 4 }),
    ];
    const [line] = longTaskLines(rows);
    expect(line).toContain('2 page(s) with a long task');
    expect(line).toContain('ours: 1 (a.html 65 ms, 60 ms of walk)');
    expect(line).toContain('our longest slice 60 ms (a.html, walk)');
    const summary = summariseTier({
      tier: 10,
      cpu: 4,
      run: 1,
      packImportMs: 0,
      rows,
      heap: [],
      heapPages: [],
      hoverAwake: [],
      hoverAsleep: [],
      offHostRequests: 0,
    });
    expect(summary.pagesWithOurLongTask).toBe(1);
    expect(markdownTable([summary])[2]).toContain('| 2 of 2 (1) | 90 (b.html) | 60 |');
  });

  it('says, in a traced run, which of our long tasks the GC made long', () => {
    const slices = [
      { phase: 'walk' as const, start: 100, ms: 60 },
      { phase: 'walk' as const, start: 300, ms: 70 },
    ];
    // 65 ms with a 30 ms GC in it: 35 ms without. 72 ms with 10 ms of GC: still long.
    const filled = { ...attributeLongTask({ start: 98, duration: 65 }, slices, 10), gcMs: 30 };
    const long = { ...attributeLongTask({ start: 298, duration: 72 }, slices, 10), gcMs: 10, offCpuMs: 20 };
    expect([gcFilled(filled), gcFilled(long), gcFilled({ ms: 65 })]).toEqual([true, false, false]);
    const [line] = longTaskLines([row('a.html', { longTasks: 2, longTaskMs: [65, 72], longTaskCauses: [filled, long] })]);
    expect(line).toContain(
      'ours: 2 (a.html 65 ms, 60 ms of walk, GC 30 ms; a.html 72 ms, 70 ms of walk, GC 10 ms, off CPU 20 ms); 1 of ours under 50 ms without their GC',
    );
    // Untraced, nothing is said about GC.
    const [plain] = longTaskLines([
      row('a.html', { longTasks: 1, longTaskMs: [72], longTaskCauses: [attributeLongTask({ start: 298, duration: 72 }, slices, 10)] }),
    ]);
    expect(plain).not.toContain('GC');
  });

  it('counts the long tasks the Long Tasks API did not report: long frames with blocking time and none reported in them, and long slices of ours', () => {
    const reported = [{ start: 1000, duration: 70 }];
    const slices = [
      { phase: 'walk' as const, start: 210, ms: 64 },
      { phase: 'visibility' as const, start: 600, ms: 4 },
      { phase: 'walk' as const, start: 1010, ms: 55 },
      { phase: 'start' as const, start: 1500, ms: 114 },
    ];
    const frames = [
      // A reported task is in it: counted already, by attributeLongTask.
      { start: 990, duration: 100, blocking: 20 },
      // No blocking time: no task in it was long.
      { start: 100, duration: 90, blocking: 0 },
      // A 64 ms slice of ours in it: an unreported long task of ours (a yield's continuation).
      { start: 200, duration: 90, blocking: 14 },
      // Blocking time, 4 ms of ours in it: the page's (a 75 ms task would be 71 without us).
      { start: 580, duration: 120, blocking: 25 },
      // Blocking time and only a little: a 52 ms task is ours if 4 ms of ours are in its frame (errs towards us).
      { start: 598, duration: 10, blocking: 2 },
    ];
    const causes = hiddenLongTasks(frames, reported, slices);
    expect(causes).toHaveLength(4);
    expect(causes.every((c) => c.hidden)).toBe(true);
    // Its span is the whole frame, where the trace (bench --trace) looks for what filled it.
    expect(causes[0]).toMatchObject({ ms: 64, oursMs: 64, ours: true, phases: ['walk'], span: { start: 200, ms: 90 } });
    expect(causes[1]).toMatchObject({ ms: 75, oursMs: 4, ours: false, phases: ['visibility'] });
    expect(causes[2]).toMatchObject({ ms: 52, ours: true });
    // A slice of 114 ms in no frame and no reported task is a long task of ours by itself; the 55 ms
    // slice inside the reported task is not counted twice.
    expect(causes[3]).toMatchObject({ ms: 114, oursMs: 114, ours: true, phases: ['start'], span: { start: 1500, ms: 114 } });
    // A frame that began in the highlight sheet's style pass is ours, as attributeLongTask says.
    expect(hiddenLongTasks([{ start: 400, duration: 90, blocking: 30 }], [], [], [350])[0]).toMatchObject({ style: true, ours: true });
    expect(hiddenLongTasks([{ start: 400, duration: 90, blocking: 30 }], [], [], [100])[0]).toMatchObject({ style: false, ours: false });
    const line = longTaskLines([
      row('c.html', { cpu: 1, longTasks: 4, longTaskMs: causes.map((c) => c.ms), longTaskCauses: causes, longestSlice: 114, longestSlicePhase: 'start' }),
    ])[0];
    expect(line).toContain('(4 task(s) in 1 page loads, 4 of them not reported by the Long Tasks API)');
    expect(line).toContain('c.html 114 ms (unreported), 114 ms of start');
  });
});

describe('corpusPageUrl', () => {
  it('serves the pages of one site on one name, each site on its own', () => {
    const o = 'http://127.0.0.1:4321';
    expect(corpusPageUrl(o, 'nytimes-1.html')).toBe('http://nytimes.localhost:4321/corpus/nytimes-1.html');
    expect(corpusPageUrl(o, 'nytimes-2.html')).toBe('http://nytimes.localhost:4321/corpus/nytimes-2.html');
    expect(corpusPageUrl(o, 'wikipedia.html')).toBe('http://wikipedia.localhost:4321/corpus/wikipedia.html');
    expect(corpusPageUrl(o, '003-metadata-preferred.html')).toBe('http://003-metadata-preferred.localhost:4321/corpus/003-metadata-preferred.html');
  });
  it('makes a valid host name of any file name', () => {
    expect(corpusPageUrl('http://127.0.0.1:80', 'Le_Monde (copie).html')).toBe('http://le-monde-copie.localhost/corpus/Le_Monde (copie).html');
    expect(new URL(corpusPageUrl('http://127.0.0.1:9', `${'x'.repeat(80)}.html`)).hostname).toBe(`${'x'.repeat(63)}.localhost`);
  });
  it('keeps the one origin on request', () => {
    expect(corpusPageUrl('http://127.0.0.1:4321', 'nytimes-1.html', true)).toBe('http://127.0.0.1:4321/corpus/nytimes-1.html');
  });
  it('gives every load a name of its own on request, still within the label limit', () => {
    const o = 'http://127.0.0.1:4321';
    expect(corpusPageUrl(o, 'nytimes-1.html', false, 7)).toBe('http://nytimes-l7.localhost:4321/corpus/nytimes-1.html');
    expect(corpusPageUrl(o, 'nytimes-1.html', false, 8)).toBe('http://nytimes-l8.localhost:4321/corpus/nytimes-1.html');
    expect(new URL(corpusPageUrl(o, `${'x'.repeat(80)}.html`, false, 1234)).hostname).toBe(`${'x'.repeat(57)}-l1234.localhost`);
  });
});

describe('onCpuRatios', () => {
  it("takes each page's off-CPU time out of its work before dividing by its floor, and gives that time's share", () => {
    const rows = [
      row('a.html', { work: 4, offCpu: 1, floorIsolated: 2 }),
      row('b.html', { work: 6, offCpu: 3, floorIsolated: 1 }),
      row('c.html', { work: 10, offCpu: 0, floorIsolated: 5 }),
    ];
    const r = onCpuRatios(rows)!;
    expect(r.ratioIsolated).toEqual({ median: 2, p95: 3, worst: 3 });
    expect(r.offCpuShare).toBe(0.2);
    expect(r.pages).toBe(3);
  });

  it("takes the floor's own time off the CPU out of it when the trace recorded it", () => {
    const rows = [row('a.html', { work: 4, offCpu: 1, floorIsolated: 2, floorIsolatedOnCpu: 1.5 })];
    expect(onCpuRatios(rows)!.ratioIsolated.median).toBe(2);
    // A page's loads: the floor on the CPU is the median of theirs, as the wall-clock floor is.
    const m = medianRun([
      row('a.html', { work: 3, offCpu: 0, floorIsolatedOnCpu: 1 }),
      row('a.html', { work: 4, offCpu: 1, floorIsolatedOnCpu: 3 }),
      row('a.html', { work: 5, offCpu: 2, floorIsolatedOnCpu: 2 }),
    ]);
    expect(m.offCpu).toBe(1);
    expect(m.floorIsolatedOnCpu).toBe(2);
  });

  it('is null for an untraced run, and leaves out the loads whose trace lacked the page', () => {
    expect(onCpuRatios([row('a.html'), row('b.html')])).toBeNull();
    expect(onCpuRatios([row('a.html', { offCpu: null }), row('b.html', { work: 4, offCpu: 2, floorIsolated: 1 })])!.ratioIsolated.median).toBe(2);
  });

  it('prints the ratio on the CPU beside the wall-clock one when the run was traced', () => {
    const tier = (rows: PageResult[]) =>
      summariseTier({ tier: 10, cpu: 1, run: 1, packImportMs: 0, rows, heap: [], heapPages: [], hoverAwake: [], hoverAsleep: [], offHostRequests: 0 });
    expect(floorLines([tier([row('a.html', { work: 4, offCpu: 1, floorIsolated: 2, ratioIsolated: 2 })])])[0]).toContain(
      "on the CPU (the time our slices' thread was off it taken out, 25 % of the work): 1.5 median",
    );
    expect(floorLines([tier([row('a.html')])])[0]).not.toContain('on the CPU');
  });
});
