/**
 * npm run bench: the built extension in headless Chromium over every corpus page, at three fact-base
 * sizes. Prints a table, writes out/bench/results.json and out/bench/ratio.svg.
 * Options: --pages=N (first N pages), --only=a.html,b.html, --tiers=10,1000,100000, --repeat=N.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { ROOT, corpusDir, launch, scanStats, startServer, tabIdOf, mentionPoint, waitForCard, waitForHighlights, type Session } from '../tests/support/harness';
import { generatePack } from './bench-names';
import { svgChart } from './bench-chart';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const TIERS = (arg('tiers') ?? '10,1000,100000').split(',').map(Number);
const REPEAT = Number(arg('repeat') ?? 1);
const OUT = path.join(ROOT, 'out/bench');
fs.mkdirSync(OUT, { recursive: true });

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
const pages = only ? allPages.filter((p) => only.includes(p)) : arg('pages') ? allPages.slice(0, Number(arg('pages'))) : allPages;

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

interface PageResult {
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

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const r2 = (x: number) => Math.round(x * 100) / 100;

async function importPack(s: Session, text: string) {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  const r = await page.evaluate(async (t) => (globalThis as any).chrome.runtime.sendMessage({ type: 'pack.import', text: t }), text);
  await page.close();
  if (!r?.ok || !r.data?.ok) throw new Error(`bench pack import failed: ${JSON.stringify(r).slice(0, 500)}`);
}

async function measurePage(s: Session, page: Page, origin: string, name: string, tier: number): Promise<PageResult> {
  await page.goto(`${origin}/corpus/${name}`, { waitUntil: 'load' });
  const tabId = await tabIdOf(s, page);
  const st = (await scanStats(s, tabId)) as any;
  const floor = await page.evaluate<{ chars: number; cold: number; warm: number }>(FLOOR);
  const timing = await page.evaluate(
    ([from, to]) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const lt = ((window as any).__longtasks ?? []) as { start: number; duration: number }[];
      const during = lt.filter((t) => t.start + t.duration > from && t.start < to);
      return { dcl: nav?.domContentLoadedEventEnd ?? null, long: during.length, longMs: during.map((t) => Math.round(t.duration)) };
    },
    [st.startedAt, st.firstScanDoneAt],
  );
  const work = st.walkMs + st.tokenizeMs + st.matchMs + st.highlightMs + st.loadMs;
  const floorWarm = Math.max(floor.warm, 0.01);
  return {
    page: name,
    tier,
    chars: floor.chars,
    floorCold: floor.cold,
    floorWarm: floor.warm,
    walk: st.walkMs,
    tokenize: st.tokenizeMs,
    match: st.matchMs,
    highlight: st.highlightMs,
    visibility: st.visibilityMs ?? 0,
    load: st.loadMs,
    lookupWait: st.lookupWaitMs,
    work,
    ratio: work / floorWarm,
    ratioCold: work / Math.max(floor.cold, 0.01),
    dclToHighlights: timing.dcl != null ? st.firstScanDoneAt - timing.dcl : null,
    longTasks: timing.long,
    longTaskMs: timing.longMs,
    longestSlice: 0,
    highlights: st.highlights,
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
  const st = (await scanStats(s, tabId)) as any;
  await page.close();
  return st.cardMs as number[];
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
  const results: { chars: number; workMs: number; floorMs: number; ratio: number }[] = [];
  for (let round = 0; round < 3; round++) {
    const before = ((await scanStats(s, tabId)) as any).batches.length;
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
    let st: any;
    for (;;) {
      st = await scanStats(s, tabId);
      if (st.batches.length > before) break;
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(600);
    st = await scanStats(s, tabId);
    const batches = st.batches.slice(before);
    const chars = batches.reduce((n: number, b: any) => n + b.chars, 0);
    const workMs = batches.reduce((n: number, b: any) => n + b.workMs, 0);
    const floorMs = await page.evaluate((r) => {
      const root = document.getElementById(`round-${r}`)!;
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t = performance.now();
        let out = '';
        for (let n: Node | null = root.firstChild; n; n = n.nextSibling) out += (n.firstChild as Text).data;
        times.push(performance.now() - t + out.length * 0);
      }
      return times.sort((a, b) => a - b)[2];
    }, round);
    results.push({ chars, workMs, floorMs, ratio: workMs / Math.max(floorMs, 0.01) });
  }
  await page.close();
  return results;
}

// ----------------------------------------------------------------------------------------------
const srv = await startServer(
  { '/dynamic.html': '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><main><p>Live feed.</p></main></body></html>' },
  { staticCorpus: true },
);
const contentJs = fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/content-scripts/content.js'));
const bundle = { raw: contentJs.length, gzip: zlib.gzipSync(contentJs, { level: 9 }).length };
const all: PageResult[] = [];
const summary: Record<string, unknown>[] = [];
const extras: Record<string, unknown> = { bundle };

const off = await launch({ extension: null });
for (const tier of TIERS) {
  const s = await launch();
  const t0 = Date.now();
  const pack = generatePack(tier);
  await importPack(s, JSON.stringify(pack));
  const importMs = Date.now() - t0;
  const page = await s.context.newPage();
  await page.addInitScript(() => {
    (window as any).__longtasks = [];
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) (window as any).__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser: the bench reports none.
    }
  });
  // Warm the worker's dictionary once, as any browsing session would.
  await page.goto(`${srv.origin}/pages/clearview-en.html`);
  await scanStats(s, await tabIdOf(s, page));
  for (const name of pages) {
    const reps: PageResult[] = [];
    for (let i = 0; i < REPEAT; i++) reps.push(await measurePage(s, page, srv.origin, name, tier));
    reps.sort((a, b) => a.work - b.work);
    all.push(reps[Math.floor(reps.length / 2)]);
  }
  const rows = all.filter((r) => r.tier === tier && r.chars > 0);
  const biggest = [...rows]
    .sort((a, b) => b.chars - a.chars)
    .slice(0, 8)
    .map((r) => r.page);
  const heap = await heapDelta(s, off, srv.origin, biggest);
  const hoverAwake = await hoverLatency(s, srv.origin, false);
  const hoverAsleep = await hoverLatency(s, srv.origin, true);
  const append = tier === TIERS[TIERS.length - 1] || TIERS.length === 1 ? await appendCost(s, srv.origin) : null;
  if (append) extras.append = append;
  const offHost = s.offHost();
  summary.push({
    tier,
    packImportMs: importMs,
    pages: rows.length,
    ratio: {
      median: r2(
        quantile(
          rows.map((r) => r.ratio),
          0.5,
        ),
      ),
      p95: r2(
        quantile(
          rows.map((r) => r.ratio),
          0.95,
        ),
      ),
      worst: r2(Math.max(...rows.map((r) => r.ratio))),
    },
    ratioCold: {
      median: r2(
        quantile(
          rows.map((r) => r.ratioCold),
          0.5,
        ),
      ),
      p95: r2(
        quantile(
          rows.map((r) => r.ratioCold),
          0.95,
        ),
      ),
      worst: r2(Math.max(...rows.map((r) => r.ratioCold))),
    },
    worstPage: [...rows].sort((a, b) => b.ratio - a.ratio)[0]?.page,
    workMs: {
      median: r2(
        quantile(
          rows.map((r) => r.work),
          0.5,
        ),
      ),
      p95: r2(
        quantile(
          rows.map((r) => r.work),
          0.95,
        ),
      ),
      worst: r2(Math.max(...rows.map((r) => r.work))),
    },
    visibilityMs: {
      median: r2(
        quantile(
          rows.map((r) => r.visibility),
          0.5,
        ),
      ),
      p95: r2(
        quantile(
          rows.map((r) => r.visibility),
          0.95,
        ),
      ),
      worst: r2(Math.max(...rows.map((r) => r.visibility))),
    },
    loadMs: {
      median: r2(
        quantile(
          rows.map((r) => r.load),
          0.5,
        ),
      ),
      p95: r2(
        quantile(
          rows.map((r) => r.load),
          0.95,
        ),
      ),
      worst: r2(Math.max(...rows.map((r) => r.load))),
    },
    lookupWaitMs: {
      median: r2(
        quantile(
          rows.map((r) => r.lookupWait),
          0.5,
        ),
      ),
      p95: r2(
        quantile(
          rows.map((r) => r.lookupWait),
          0.95,
        ),
      ),
    },
    dclToHighlightsMs: {
      median: r2(quantile(rows.map((r) => r.dclToHighlights ?? NaN).filter(Number.isFinite), 0.5)),
      p95: r2(quantile(rows.map((r) => r.dclToHighlights ?? NaN).filter(Number.isFinite), 0.95)),
    },
    longTasks: rows.reduce((n, r) => n + r.longTasks, 0),
    heapDeltaMB: { median: r2(quantile(heap, 0.5) / 1048576), max: r2(Math.max(...heap) / 1048576), pages: biggest },
    hoverMs: {
      awake: { median: r2(quantile(hoverAwake, 0.5)), p95: r2(quantile(hoverAwake, 0.95)), n: hoverAwake.length },
      asleep: { median: r2(quantile(hoverAsleep, 0.5)), p95: r2(quantile(hoverAsleep, 0.95)), n: hoverAsleep.length },
    },
    offHostRequests: offHost.length,
  });
  await s.close();
}
await off.close();
await srv.close();

const result = {
  date: new Date().toISOString(),
  chromium: 'headless (Debian)',
  pages: pages.length,
  repeat: REPEAT,
  tiers: TIERS,
  summary,
  extras,
  perPage: all,
};
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(result, null, 2));
fs.writeFileSync(path.join(OUT, 'ratio.svg'), svgChart(all));

const pad = (v: unknown, n: number) => String(v).padStart(n);
console.log(`\nBackstory benchmark — ${pages.length} corpus pages, headless Chromium, median of ${REPEAT} load(s) per page\n`);
console.log(
  `${'aliases'.padEnd(9)}${pad('work/F med', 11)}${pad('p95', 7)}${pad('worst', 8)}${pad('work ms med', 12)}${pad('worst', 8)}${pad('load ms p95', 12)}${pad('DCL→hl p95', 11)}${pad('long tasks', 11)}${pad('heap MB', 9)}${pad('hover awake', 12)}${pad('asleep', 8)}`,
);
for (const r of summary as any[]) {
  console.log(
    `${String(r.tier).padEnd(9)}${pad(r.ratio.median, 11)}${pad(r.ratio.p95, 7)}${pad(r.ratio.worst, 8)}${pad(r.workMs.median, 12)}${pad(r.workMs.worst, 8)}${pad(r.loadMs.p95, 12)}${pad(r.dclToHighlightsMs.p95, 11)}${pad(r.longTasks, 11)}${pad(r.heapDeltaMB.max, 9)}${pad(r.hoverMs.awake.p95, 12)}${pad(r.hoverMs.asleep.p95, 8)}`,
  );
}
for (const r of summary as any[])
  console.log(
    `${r.tier} aliases: visibility checks ${r.visibilityMs.median} ms median, ${r.visibilityMs.p95} ms p95, ${r.visibilityMs.worst} ms worst (part of work)`,
  );
if (extras.append)
  for (const a of extras.append as any[])
    console.log(`append 1,000 paragraphs: ${a.chars} chars, work ${r2(a.workMs)} ms, F ${r2(a.floorMs)} ms → ${r2(a.ratio)}× F`);
console.log(`content script bundle: ${(bundle.raw / 1024).toFixed(1)} kB raw, ${(bundle.gzip / 1024).toFixed(1)} kB gzip`);
console.log(`\nwrote out/bench/results.json and out/bench/ratio.svg`);
