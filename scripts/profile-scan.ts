/**
 * Where the content script's time goes: a CPU profile of each corpus page's load, from navigation to
 * the end of the first scan, summed by function over the pages. Build a readable extension first
 * (`BACKSTORY_NO_MINIFY=1 npx wxt build`), then:
 *
 *   npx tsx scripts/profile-scan.ts [--only=a.html,b.html] [--every=N] [--cpu=4] [--no-extension]
 *
 * --every=N profiles every Nth page; --no-extension loads the pages with no extension (the page's
 * own garbage collection, for comparison). WHO=name adds the callers of the functions so named
 * (native functions are named by the call the profiler saw, not always the one running: follow
 * the callers); LINES=name adds the samples of a function per source line.
 *
 * The profiler slows what it samples (every 50 µs), so the milliseconds are larger than the
 * benchmark's: compare functions with each other, and builds with each other, not with the bench.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pageWorkMs } from './bench-report';
import { corpusDir, launch, scanStats, startServer, tabIdOf } from '../tests/support/harness';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const corpus = corpusDir();
if (!corpus) {
  console.error('No corpus: put it at ../shared/corpus or set BACKSTORY_CORPUS.');
  process.exit(1);
}
const only = (arg('only') ?? '').split(',').filter(Boolean);
const every = Number(arg('every') ?? 1);
const cpu = Number(arg('cpu') ?? 1);
const noExtension = process.argv.includes('--no-extension');
const pages = (
  only.length
    ? only
    : fs
        .readdirSync(path.join(corpus, 'pages'))
        .filter((f) => f.endsWith('.html'))
        .sort()
).filter((_, i) => i % every === 0);
const { WHO, LINES } = process.env;

const server = await startServer({}, { staticCorpus: true });
const s = await launch(noExtension ? { extension: null } : {});
const page = await s.context.newPage();
const cdp = await s.context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
// The worker's dictionary warm, as in the benchmark.
await page.goto(`${server.origin}/pages/clearview-en.html`);
if (!noExtension) await scanStats(s, await tabIdOf(s, page));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });

const totals = new Map<string, number>();
const add = (key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);
let ours = 0;
let work = 0;
for (const name of pages) {
  await cdp.send('Profiler.start');
  await page.goto(`${server.origin}/corpus/${name}`, { waitUntil: 'load' });
  if (noExtension) await page.waitForTimeout(600);
  else {
    const st = await scanStats(s, await tabIdOf(s, page), 30_000 * cpu);
    work += pageWorkMs(st);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i] ?? -1);
    if (!n) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = n.callFrame;
    const mine = f.url.startsWith('chrome-extension://');
    if (mine) ours += ms;
    add(mine ? `${f.functionName || '(anonymous)'}:${f.lineNumber}` : `[${f.functionName || '(anonymous)'}]${f.url ? ` ${path.basename(f.url)}` : ''}`, ms);
    if (WHO && f.functionName === WHO) {
      const chain: string[] = [];
      for (let id = parentOf.get(n.id); id !== undefined && chain.length < 6; id = parentOf.get(id)) {
        const p = byId.get(id)?.callFrame;
        if (p) chain.push(`${p.functionName || '(anonymous)'}:${p.lineNumber}`);
      }
      add(`  ${WHO} called from ${chain.join(' < ')}`, ms);
    }
  }
  if (LINES)
    for (const n of profile.nodes)
      if (n.callFrame.functionName === LINES) for (const t of n.positionTicks ?? []) add(`  ${LINES} line ${t.line} (samples)`, t.ticks);
}
console.log(`${pages.length} pages; the benchmark's work ${work.toFixed(1)} ms; the extension's own functions ${ours.toFixed(1)} ms sampled`);
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(v.toFixed(1).padStart(9), k);
await s.close();
await server.close();
