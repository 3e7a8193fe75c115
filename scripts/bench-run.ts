/**
 * npm run bench: the built extension in headless Chromium over every corpus page, at four fact-base
 * sizes. Prints a table, writes out/bench/results.json and out/bench/ratio.svg.
 * Options: --pages=N (first N pages), --only=a.html,b.html, --tiers=10,1000,100000,1000000, --repeat=N;
 * --cpu=1,4 (CPU throttling rates over the DevTools protocol; ×4 stands in for a low-end laptop),
 * --runs=N (repeat every rate and tier N times, for the long-task counts), --label=name (the build's
 * name in the printed Markdown table);
 * --library=0,1000,10000 (the notes library's sizes; 0 notes measures the page's own cost; --library= skips it), --only=library (only that phase, no corpus needed).
 * --only=coverage (only the coverage phase, no corpus needed; --coverage-chars=N, --coverage-loads=N: scripts/bench-coverage.ts).
 * --one-origin: serve every corpus page from one origin, so one renderer and its garbage serve them all (by
 * default each page's site has its own name under .localhost, as on the web: bench-report.ts, corpusPageUrl);
 * --per-load: every load under a name of its own, so in a new renderer with nothing compiled yet (a reader's
 * first page on a site);
 * --trace: trace every load and print what filled each long task of ours (GC, style and layout, CPU time,
 * samples: bench-trace.ts); --trace=gc: only the GC and the tasks, each long task's share in the long-task
 * line. Tracing slows what it records, so a traced run explains and does not measure; --trace=cpu: only the
 * tasks' thread time, to say how much of each page's work was its thread off the CPU (the machine's, not ours).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { ROOT, corpusDir, launch, scanStats, startServer, tabIdOf, mentionPoint, waitForCard, waitForHighlights, type Session } from '../tests/support/harness';
import { generatePack } from './bench-names';
import { PACK_CHUNK_CHARS } from '../utils/messaging/pack-upload-limits';
import { chartRows, svgChart } from './bench-chart';
import {
  STYLE_PASS_MS,
  attributeLongTask,
  corpusPageUrl,
  hiddenLongTasks,
  libraryLines,
  medianRun,
  overFloor,
  reportLines,
  summariseLibrary,
  summariseTier,
  type AppendRound,
  type LibrarySummary,
  type PageResult,
  type TierSummary,
  pageWorkMs,
} from './bench-report';
import { benchLibrary } from './bench-library';
import { SKIP_TAGS } from '../utils/in-page/walk';
import { coveragePhase } from './bench-coverage';
import { CPU_TRACE_CATEGORIES, GC_TRACE_CATEGORIES, TRACE_CATEGORIES, explainWindow, explainedLine, slicesOffCpuMs, type TraceEvent } from './bench-trace';

type TraceMode = 'off' | 'full' | 'gc' | 'cpu';

const OUT = path.join(ROOT, 'out/bench');

interface Options {
  tiers: number[];
  repeat: number;
  /** Corpus page file names, in order. */
  pages: string[];
  /** Note counts for the library phase (empty: skipped). */
  library: number[];
  /** Only the library phase: no corpus, no tiers. */
  libraryOnly: boolean;
  /** CPU throttling rates, each a full pass over the tiers. */
  cpu: number[];
  runs: number;
  label: string;
  /** Trace every load: `full` explains the long tasks of ours (--trace), `gc` only finds the GC in each (--trace=gc). */
  trace: TraceMode;
  /** Every corpus page from the server's one origin, in one renderer (--one-origin), as before round 11. */
  oneOrigin: boolean;
  /** Every load in a renderer of its own (--per-load): the cold case, a reader's first page on a site. */
  perLoad: boolean;
}

/** The command line's options, and the corpus pages they select; exits when there is no corpus. */
function readOptions(argv: string[]): Options {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const library = (arg('library') ?? '0,1000,10000')
    .split(',')
    .filter(Boolean)
    .map(Number)
    .filter((n) => n >= 0);
  const cpu = (arg('cpu') ?? '1').split(',').map(Number);
  const runs = Math.max(1, Number(arg('runs') ?? 1));
  const label = arg('label') ?? 'this build';
  const traceArg = arg('trace');
  const trace: TraceMode = argv.includes('--trace') ? 'full' : traceArg === 'gc' || traceArg === 'cpu' ? traceArg : 'off';
  const oneOrigin = argv.includes('--one-origin');
  const perLoad = !oneOrigin && argv.includes('--per-load');
  if (arg('only') === 'library') return { tiers: [], repeat: 1, pages: [], library, libraryOnly: true, cpu, runs, label, trace, oneOrigin, perLoad };
  const corpus = corpusDir();
  if (!corpus) {
    console.error('No corpus: put it at ../shared/corpus or set BACKSTORY_CORPUS.');
    process.exit(1);
  }
  const allPages = fs
    .readdirSync(path.join(corpus, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort();
  const only = arg('only')?.split(',');
  return {
    tiers: (arg('tiers') ?? '10,1000,100000,1000000').split(',').map(Number),
    repeat: Number(arg('repeat') ?? 1),
    pages: only ? allPages.filter((p) => only.includes(p)) : arg('pages') ? allPages.slice(0, Number(arg('pages'))) : allPages,
    library,
    libraryOnly: false,
    cpu,
    runs,
    label,
    trace,
    oneOrigin,
    perLoad,
  };
}

/**
 * The text-walk floor, in the page's main world: visit every text node outside skipped elements and
 * read its text. A string, because tsx would wrap named inner functions in a helper the page lacks.
 */
const FLOOR = `(() => {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const root = document.body;
  function walk() {
    let out = '';
    let n = root;
    while (n) {
      if (n.nodeType === 3) { const d = n.data; if (d.trim()) out += d; }
      const skip = n.nodeType === 1 && SKIP.has(n.tagName);
      if (!skip && n.firstChild) n = n.firstChild;
      else {
        while (n && n !== root && !n.nextSibling) n = n.parentNode;
        n = n && n !== root ? n.nextSibling : null;
      }
    }
    return out.length;
  }
  let t = performance.now();
  const chars = walk();
  const cold = performance.now() - t;
  // Warm: median of 5 samples, each averaging enough repetitions to last about 2 ms.
  const warm = [];
  for (let i = 0; i < 5; i++) {
    let reps = 0;
    t = performance.now();
    do { walk(); reps++; } while (performance.now() - t < 2);
    warm.push((performance.now() - t) / reps);
  }
  warm.sort((a, b) => a - b);
  return { chars, cold, warm: warm[2], isolated: self.crossOriginIsolated };
})()`;

/**
 * The fair floor: the content script's kind of walk, cold, in a world like its own. A TreeWalker over
 * elements and text nodes that reads every text node's data and skips the subtrees the content
 * script skips (its tags, `hidden`, contenteditable). Run once, in an isolated world created for it
 * over the DevTools protocol: every node's wrapper is made for the first time there, as in the
 * content script's first scan.
 */
const ISOLATED_FLOOR = `(() => {
  const SKIP = new Set(${JSON.stringify([...SKIP_TAGS])});
  const t = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let chars = 0;
  let n = w.nextNode();
  while (n) {
    if (n.nodeType === 3) { chars += n.data.length; n = w.nextNode(); continue; }
    const skip = SKIP.has(n.tagName) || (n.hasAttributes() && (n.hasAttribute('hidden') || (n.getAttribute('contenteditable') ?? 'false') !== 'false'));
    if (!skip) { n = w.nextNode(); continue; }
    n = w.nextSibling();
    while (!n && w.parentNode()) n = w.nextSibling();
  }
  return { ms: performance.now() - t, chars, start: t };
})()`;

/** The isolated-world floor on the loaded page: a fresh world each call (first run, cold wrappers). */
async function isolatedFloor(cdp: CDPSession): Promise<{ ms: number; chars: number; start: number }> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-floor' });
  const r = await cdp.send('Runtime.evaluate', { expression: ISOLATED_FLOOR, contextId: executionContextId, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`isolated floor failed: ${r.exceptionDetails.text}`);
  return r.result.value as { ms: number; chars: number; start: number };
}

/** What installing a tier's pack cost, measured from the options page's side. */
interface ImportStats {
  /** Characters of the pack's JSON. */
  packChars: number;
  /** Sending the chunks, then the commit (parse, validate, one install transaction). */
  uploadMs: number;
  commitMs: number;
  /** The first lookup after the install rebuilds the worker's dictionary; the second is a warm lookup. */
  dictBuildMs: number;
  lookupMs: number;
  /** The extension origin's storage (IndexedDB) after the install, as the browser estimates it. */
  storageBytes: number;
}

/** Install the pack as the options page does: in `pack.upload.*` chunks (one message over 64 MiB is refused). */
async function importPack(s: Session, text: string): Promise<ImportStats> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  const call = (msg: object) => page.evaluate(async (m) => (globalThis as any).chrome.runtime.sendMessage(m), msg);
  const fail = (step: string, r: unknown) => new Error(`bench pack ${step} failed: ${JSON.stringify(r).slice(0, 500)}`);
  const chunks = Math.max(1, Math.ceil(text.length / PACK_CHUNK_CHARS));
  const t0 = performance.now();
  const begun = await call({ type: 'pack.upload.begin', chars: text.length, chunks });
  if (!begun?.ok) throw fail('upload', begun);
  for (let i = 0; i < chunks; i++) {
    const r = await call({
      type: 'pack.upload.chunk',
      uploadId: begun.data.uploadId,
      index: i,
      text: text.slice(i * PACK_CHUNK_CHARS, (i + 1) * PACK_CHUNK_CHARS),
    });
    if (!r?.ok) throw fail('upload', r);
  }
  const t1 = performance.now();
  const r = await call({ type: 'pack.upload.commit', uploadId: begun.data.uploadId, action: 'import', discreet: false });
  const t2 = performance.now();
  if (!r?.ok || !r.data?.ok) throw fail('import', r);
  const lookup = async () => {
    const t = performance.now();
    const l = await call({ type: 'page.match', texts: ['A short paragraph that names nobody in particular.'] });
    if (!l?.ok) throw fail('lookup', l);
    return performance.now() - t;
  };
  const dictBuildMs = await lookup();
  const lookupMs = await lookup();
  const storageBytes = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await page.close();
  return { packChars: text.length, uploadMs: t1 - t0, commitMs: t2 - t1, dictBuildMs, lookupMs, storageBytes };
}

interface Where {
  tier: number;
  cpu: number;
  run: number;
}

/** Loads so far, for --per-load's names. */
let loads = 0;

async function measurePage(s: Session, page: Page, cdp: CDPSession, origin: string, name: string, at: Where, opts: Options): Promise<PageResult> {
  const { trace } = opts;
  const categories = { full: TRACE_CATEGORIES, gc: GC_TRACE_CATEGORIES, cpu: CPU_TRACE_CATEGORIES };
  const traced = trace === 'off' ? null : await startTrace(cdp, categories[trace]);
  await page.goto(corpusPageUrl(origin, name, opts.oneOrigin, opts.perLoad ? ++loads : null), { waitUntil: 'load' });
  const tabId = await tabIdOf(s, page);
  const st = await scanStats(s, tabId, 15_000 * at.cpu);
  // The long tasks first, through the window's end (the floors below are long tasks of their own).
  const timing = await page.evaluate(
    async ({ from, to }) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      // The window may still be open (the style pass after the last sheet), and the observer hands
      // its entries over in a later task: wait for the window's end, then take what is still queued.
      while (performance.now() < to) await new Promise((r) => setTimeout(r, Math.min(50, to - performance.now() + 1)));
      const taken = (window as any).__longtaskObserver?.takeRecords() ?? [];
      for (const e of taken) (window as any).__longtasks.push({ start: e.startTime, duration: e.duration });
      const lt = ((window as any).__longtasks ?? []) as { start: number; duration: number }[];
      const during = lt.filter((t) => t.start + t.duration > from && t.start < to);
      for (const e of (window as any).__longframeObserver?.takeRecords() ?? [])
        (window as any).__longframes.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
      const lf = ((window as any).__longframes ?? []) as { start: number; duration: number; blocking: number }[];
      const frames = lf.filter((f) => f.start + f.duration > from && f.start < to);
      return { dcl: nav?.domContentLoadedEventEnd ?? null, during, frames };
    },
    // Through the style pass the highlight sheet causes, which follows the first scan's paint.
    { from: st.startedAt, to: Math.max(st.firstScanDoneAt, ...st.sheetsAdoptedAt.map((t) => t + STYLE_PASS_MS)) },
  );
  const causes = [
    ...timing.during.map((t) => attributeLongTask(t, st.slices, st.startedAt, st.sheetsAdoptedAt, at.cpu)),
    ...hiddenLongTasks(timing.frames, timing.during, st.slices, st.sheetsAdoptedAt),
  ];
  // --trace=cpu records the isolated floor too, so that its time off the CPU comes out of it as well.
  let events = traced && trace !== 'cpu' ? await traced.end() : null;
  // After the extension's first scan, so it neither competes with the scan nor lands in its long-task
  // window (the scan has warmed the DOM's memory, not this world's wrappers: if anything, a lower
  // floor), and before the main-world floors, so their walks do not warm it further.
  const iso = await isolatedFloor(cdp);
  if (traced && trace === 'cpu') events = await traced.end();
  let offCpu: number | null = null;
  let floorIsolatedOnCpu: number | null = null;
  if (events) {
    offCpu = slicesOffCpuMs(events, `/corpus/${name}`, st.slices);
    if (trace === 'cpu') {
      const floorOff = slicesOffCpuMs(events, `/corpus/${name}`, [{ start: iso.start, ms: iso.ms }]);
      floorIsolatedOnCpu = floorOff === null ? null : Math.max(0, iso.ms - floorOff);
    }
    for (const c of causes) {
      const x = explainWindow(events, `/corpus/${name}`, c.span);
      // --trace=cpu records no GC events: it says nothing of the GC in a task.
      if (x && trace !== 'cpu') c.gcMs = x.gcMs;
      if (x?.tasks) c.offCpuMs = Math.round(x.tasks.wallMs - x.tasks.cpuMs);
      if (c.ours && trace === 'full') console.log(explainedLine(name, c, x));
    }
  }
  const floor = await page.evaluate<{ chars: number; cold: number; warm: number }>(FLOOR);
  const work = pageWorkMs(st);
  return {
    page: name,
    tier: at.tier,
    cpu: at.cpu,
    run: at.run,
    chars: floor.chars,
    scanChars: st.chars,
    floorCold: floor.cold,
    floorWarm: floor.warm,
    floorIsolated: iso.ms,
    walk: st.walkMs,
    tokenize: st.tokenizeMs,
    match: st.matchMs,
    highlight: st.highlightMs,
    visibility: st.visibilityMs,
    load: st.loadMs,
    lookupWait: st.lookupWaitMs,
    work,
    ratio: overFloor(work, floor.warm),
    ratioCold: overFloor(work, floor.cold),
    ratioIsolated: overFloor(work, iso.ms),
    dclToHighlights: timing.dcl != null ? st.firstScanDoneAt - timing.dcl : null,
    longTasks: causes.length,
    longTaskMs: causes.map((c) => c.ms),
    longTaskCauses: causes,
    longestSlice: st.longestSlice?.ms ?? 0,
    longestSlicePhase: st.longestSlice?.phase ?? '',
    highlights: st.highlights,
    frameWaits: st.frameWaits,
    framesLate: st.framesLate,
    frameTimeouts: st.frameTimeouts,
    ...(traced ? { offCpu, floorIsolatedOnCpu } : {}),
  };
}

async function heapDelta(on: Session, off: Session, origin: string, names: string[]) {
  const measure = async (s: Session, name: string) => {
    const page = await s.context.newPage();
    await page.goto(`${origin}/corpus/${name}`, { waitUntil: 'load' });
    if (s.extensionId) await scanStats(s, await tabIdOf(s, page));
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    await page.close();
    return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  };
  const deltas: number[] = [];
  for (const name of names) deltas.push((await measure(on, name)) - (await measure(off, name)));
  return deltas;
}

async function hoverLatency(s: Session, origin: string, asleep: boolean) {
  const page = await s.context.newPage();
  await page.goto(`${origin}/pages/clearview-fr.html`);
  await waitForHighlights(page, 3);
  const tabId = await tabIdOf(s, page);
  const names = ['Clearview AI', 'Hoan Ton-That', 'PimEyes', 'Cambridge Analytica', 'NSO Group', 'Richard Schwartz', 'Kashmir Hill'];
  for (const n of names) {
    if (asleep) await stopWorker(s);
    const p = await mentionPoint(page, n).catch(() => null);
    if (!p) continue;
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, (c) => c.buttons.length > 1, 10_000);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(400);
  }
  const st = await scanStats(s, tabId);
  await page.close();
  return st.cardMs;
}

/** Stop the extension's service worker, as Chromium does after 30 s idle. */
async function stopWorker(s: Session) {
  const page = s.context.pages()[0] ?? (await s.context.newPage());
  const cdp = await s.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
    if (sw) await cdp.send('Target.closeTarget', { targetId: sw.targetId }).catch(() => {});
  } finally {
    await cdp.detach();
  }
  await new Promise((r) => setTimeout(r, 300));
}

async function appendCost(s: Session, origin: string) {
  const page = await s.context.newPage();
  await page.goto(`${origin}/dynamic.html`);
  const tabId = await tabIdOf(s, page);
  await scanStats(s, tabId);
  const results: AppendRound[] = [];
  for (let round = 0; round < 3; round++) {
    const before = (await scanStats(s, tabId)).batches.length;
    await page.evaluate((r) => {
      const box = document.createElement('section');
      box.id = `round-${r}`;
      for (let i = 0; i < 1000; i++) {
        const p = document.createElement('p');
        p.textContent = `Paragraph ${i} of round ${r}: a city council debated police contracts with Clearview AI and other vendors, and a reporter asked about PimEyes; nothing else of note happened that day in the town.`;
        box.append(p);
      }
      document.body.append(box);
    }, round);
    let st: Awaited<ReturnType<typeof scanStats>>;
    for (;;) {
      st = await scanStats(s, tabId);
      if (st.batches.length > before) break;
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(600);
    st = await scanStats(s, tabId);
    const batches = st.batches.slice(before);
    const chars = batches.reduce((n, b) => n + b.chars, 0);
    const workMs = batches.reduce((n, b) => n + b.workMs, 0);
    const floorMs = await page.evaluate((r) => {
      const root = document.getElementById(`round-${r}`)!;
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t = performance.now();
        let out = '';
        for (let n: Node | null = root.firstChild; n; n = n.nextSibling) out += (n.firstChild as Text).data;
        times.push(performance.now() - t + out.length * 0);
      }
      // Five samples: [2] is their median (the `?? NaN` is for the type only).
      return times.sort((a, b) => a - b)[2] ?? NaN;
    }, round);
    results.push({ chars, workMs, floorMs, ratio: workMs / Math.max(floorMs, 0.01) });
  }
  await page.close();
  return results;
}

/** Start tracing the tab (one of bench-trace.ts's category lists); `end` stops and hands over the events. */
async function startTrace(cdp: CDPSession, categories: string): Promise<{ end: () => Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  const collect = (d: { value: object[] }) => events.push(...(d.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return {
    end: async () => {
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}

/** Record the page's long tasks from its first script on, for measurePage to count. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    (window as any).__longtasks = [];
    try {
      const observer = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) (window as any).__longtasks.push({ start: e.startTime, duration: e.duration });
      });
      observer.observe({ type: 'longtask', buffered: true });
      // measurePage takes the entries not yet handed over: the observer's callback comes in a later task.
      (window as any).__longtaskObserver = observer;
    } catch {
      // No long-task timing in this browser: the bench reports none.
    }
    // Long animation frames see the long tasks the Long Tasks API misses (hiddenLongTasks).
    (window as any).__longframes = [];
    try {
      const frames = new PerformanceObserver((l) => {
        for (const e of l.getEntries() as (PerformanceEntry & { blockingDuration: number })[])
          (window as any).__longframes.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
      });
      frames.observe({ type: 'long-animation-frame', buffered: true });
      (window as any).__longframeObserver = frames;
    } catch {
      // No long-animation-frame timing in this browser: only the Long Tasks API and our slices count.
    }
  });
}

/** Every page, `repeat` loads each, in one tab; the median load of each page. */
async function measurePages(s: Session, origin: string, at: Where, opts: Options): Promise<PageResult[]> {
  const page = await s.context.newPage();
  await watchLongTasks(page);
  // One session for the tab's life: the throttling rate holds across its navigations.
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: at.cpu });
  // Warm the worker's dictionary once, as any browsing session would.
  await page.goto(`${origin}/pages/clearview-en.html`);
  await scanStats(s, await tabIdOf(s, page), 15_000 * at.cpu);
  const results: PageResult[] = [];
  for (const name of opts.pages) {
    const reps: PageResult[] = [];
    for (let i = 0; i < opts.repeat; i++) reps.push(await measurePage(s, page, cdp, origin, name, at, opts));
    results.push(medianRun(reps));
  }
  await cdp.detach();
  await page.close();
  return results;
}

interface TierRun {
  perPage: PageResult[];
  summary: TierSummary;
  append: AppendRound[] | null;
  imported: ImportStats;
}

/**
 * One fact-base size in a fresh browser: its pack, the corpus, then heap, hover latency and (last tier)
 * appends. Those extras are measured unthrottled, once, in the first run at ×1 (`extras`): throttling is for
 * the scan's long tasks (a run with only --cpu=4 has none).
 */
async function benchTier(off: Session, origin: string, at: Where, opts: Options, last: boolean, extras: boolean): Promise<TierRun> {
  const { tier } = at;
  const s = await launch();
  const t0 = Date.now();
  const imported = await importPack(s, JSON.stringify(generatePack(tier)));
  const packImportMs = Date.now() - t0;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  console.log(
    `tier ${tier}: pack ${mb(imported.packChars)} M chars; upload ${imported.uploadMs.toFixed(0)} ms, commit ${imported.commitMs.toFixed(0)} ms; ` +
      `dictionary build ${imported.dictBuildMs.toFixed(0)} ms, warm lookup ${imported.lookupMs.toFixed(1)} ms; storage ${mb(imported.storageBytes)} MB`,
  );
  const perPage = await measurePages(s, origin, at, opts);
  const rows = perPage.filter((r) => r.chars > 0);
  const heapPages = [...rows]
    .sort((a, b) => b.chars - a.chars)
    .slice(0, 8)
    .map((r) => r.page);
  const heap = extras ? await heapDelta(s, off, origin, heapPages) : [];
  const hoverAwake = extras ? await hoverLatency(s, origin, false) : [];
  const hoverAsleep = extras ? await hoverLatency(s, origin, true) : [];
  const append = extras && last ? await appendCost(s, origin) : null;
  const offHostRequests = s.offHost().length;
  await s.close();
  return {
    perPage,
    append,
    imported,
    summary: summariseTier({
      tier,
      cpu: at.cpu,
      run: at.run,
      packImportMs,
      rows,
      heap,
      heapPages: extras ? heapPages : [],
      hoverAwake,
      hoverAsleep,
      offHostRequests,
    }),
  };
}

/** The content scripts' size as shipped (the main one and the card's, each compressed alone), raw and gzipped. */
function bundleSize() {
  const files = ['content.js', 'card.js'].map((f) => fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/content-scripts', f)));
  return { raw: files.reduce((n, f) => n + f.length, 0), gzip: files.reduce((n, f) => n + zlib.gzipSync(f, { level: 9 }).length, 0) };
}

/** The library phase alone: its table, and results.json with only its part (the corpus's numbers are not rewritten as empty). */
async function libraryOnly(opts: Options) {
  const library = (await benchLibrary(opts.library)).map(summariseLibrary);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'library.json'), JSON.stringify({ date: new Date().toISOString(), chromium: 'headless (Debian)', library }, null, 2));
  for (const line of libraryLines(library)) console.log(line);
  console.log(`\nwrote out/bench/library.json`);
}

async function main() {
  if (process.argv.includes('--only=coverage')) return void (await coveragePhase(OUT, process.argv));
  const opts = readOptions(process.argv);
  if (opts.libraryOnly) return libraryOnly(opts);
  const srv = await startServer(
    { '/dynamic.html': '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><main><p>Live feed.</p></main></body></html>' },
    { staticCorpus: true },
  );
  const bundle = bundleSize();
  const perPage: PageResult[] = [];
  const summary: TierSummary[] = [];
  let append: AppendRound[] | undefined;
  const imports: (ImportStats & { tier: number })[] = [];

  const off = await launch({ extension: null });
  for (let run = 1; run <= opts.runs; run++)
    for (const [c, cpu] of opts.cpu.entries())
      for (const [i, tier] of opts.tiers.entries()) {
        const one = await benchTier(off, srv.origin, { tier, cpu, run }, opts, i === opts.tiers.length - 1, run === 1 && c === 0 && cpu === 1);
        perPage.push(...one.perPage);
        summary.push(one.summary);
        if (one.append) append = one.append;
        if (run === 1 && c === 0) imports.push({ tier, ...one.imported });
      }
  await off.close();
  await srv.close();
  const library: LibrarySummary[] = (await benchLibrary(opts.library)).map(summariseLibrary);
  const coverage = await coveragePhase(OUT, process.argv);

  const result = {
    date: new Date().toISOString(),
    chromium: 'headless (Debian)',
    pages: opts.pages.length,
    repeat: opts.repeat,
    tiers: opts.tiers,
    cpu: opts.cpu,
    runs: opts.runs,
    origins: opts.oneOrigin ? 'one' : opts.perLoad ? 'per load' : 'per site',
    summary,
    extras: { bundle, append, imports },
    library,
    coverage,
    perPage,
  };
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(OUT, 'ratio.svg'), svgChart(chartRows(perPage)));
  console.log(
    opts.oneOrigin
      ? '\ncorpus pages from one origin, in one renderer (--one-origin)'
      : opts.perLoad
        ? '\ncorpus pages each load on a name of its own, in a new renderer (--per-load)'
        : '\ncorpus pages each on its site, <site>.localhost',
  );
  for (const line of [
    ...reportLines({ pages: opts.pages.length, repeat: opts.repeat, summary, append, bundle, perPage, label: opts.label }),
    ...libraryLines(library),
  ])
    console.log(line);
}

await main();
