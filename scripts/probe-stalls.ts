/**
 * Where a walk of the DOM stalls on a single read, in the page's main world and in a fresh isolated
 * world like the content script's (`Page.createIsolatedWorld`), with no extension loaded:
 *
 *   npx tsx scripts/probe-stalls.ts [--cpu=1,4] [--nodes=70000] [--over=1] [page.html ...]
 *
 * With no page it walks a generated page of `--nodes` nodes; with corpus pages, each of them (a new
 * load, and a new isolated world, per rate). The walk is the content script's kind (first child,
 * next sibling, the node's type and text or tag; the subtrees it skips are skipped) and reads the
 * clock after every node. It prints, per world, the walk's time, its worst stretch of 256 nodes (the
 * most a slice that reads the clock every 256 nodes could overrun by) and the reads that took
 * `--over` ms or more (times the CPU rate), marking those that fell on a power of two: a world other
 * than the main one keeps its wrappers of DOM nodes in a table, and the read that makes the table
 * grow pays for rebuilding it, in one piece no slicing can split.
 */
import type { CDPSession } from 'playwright-core';
import { launch, startServer } from '../tests/support/harness';
import { corpusPageUrl } from './bench-report';
import { SKIP_TAGS } from '../utils/in-page/walk';
import { stallLabel, stallsOf, worstStretchMs } from './read-stalls';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const rates = (arg('cpu') ?? '1,4').split(',').map(Number);
const nodes = Number(arg('nodes') ?? 70_000);
const overMs = Number(arg('over') ?? 1);
const pages = process.argv.slice(2).filter((a) => !a.startsWith('--'));

/** The most nodes a walk records (more than any corpus page has). */
const MAX_NODES = 1 << 18;

/** The walk, as an expression evaluated in the world under test: the clock before it and after each node. */
const WALK = `(() => {
  const skip = new Set(${JSON.stringify([...SKIP_TAGS])});
  const root = document.documentElement;
  // Allocated before the walk: a growing array would bring collections of its own into the walk.
  const times = new Float64Array(${MAX_NODES});
  let n = 0;
  const start = performance.now();
  let node = root.firstChild;
  while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === 3) node.data;
    else if (type === 1) descend = !skip.has(node.tagName);
    let next = descend ? node.firstChild : null;
    if (!next) {
      next = node.nextSibling;
      for (let up = node; !next && up && up !== root; ) {
        up = up.parentNode;
        next = up && up !== root ? up.nextSibling : null;
      }
    }
    if (n < times.length) times[n++] = performance.now();
    node = next;
  }
  return { start, times: Array.from(times.subarray(0, n)) };
})()`;

/** A page of `n` nodes or a little over: divs of 49 spans, each with its text. */
function generated(n: number): string {
  const div = `<div>${'<span>x</span>'.repeat(49)}</div>`;
  return `<!doctype html><body>${div.repeat(Math.ceil(n / 99))}</body>`;
}

async function walkIn(cdp: CDPSession, world: 'main' | 'isolated', rate: number, label: string) {
  let contextId: number | undefined;
  if (world === 'isolated') {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    // A new name each time: a world of a name already used in this document would be the same one, warm.
    const created = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `probe-${label}-${Date.now()}` });
    contextId = created.executionContextId;
  }
  const r = await cdp.send('Runtime.evaluate', { expression: WALK, returnByValue: true, ...(contextId ? { contextId } : {}) });
  if (r.exceptionDetails) throw new Error(`the walk failed in ${label}: ${r.exceptionDetails.text}`);
  const { start, times } = r.result.value as { start: number; times: number[] };
  const stalls = stallsOf(start, times, overMs * rate);
  const total = times.length ? times[times.length - 1]! - start : 0;
  console.log(
    `  ${world.padEnd(8)} ${times.length.toLocaleString('en')} nodes in ${total.toFixed(1)} ms; worst 256 nodes ${worstStretchMs(start, times, 256).toFixed(1)} ms;` +
      ` reads of ${overMs * rate} ms or more: ${stalls.map(stallLabel).join(', ') || 'none'}`,
  );
}

const server = pages.length ? await startServer({}, { staticCorpus: true }) : null;
const s = await launch({ extension: null });
try {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Page.enable');
  for (const rate of rates) {
    for (const name of pages.length ? pages : [null]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      if (name && server) await page.goto(corpusPageUrl(server.origin, name, false, rate), { waitUntil: 'load' });
      else await page.setContent(generated(nodes));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      console.log(`${name ?? `generated page`} ×${rate}`);
      // Isolated first: the main world's walk leaves nothing in another world's table.
      await walkIn(cdp, 'isolated', rate, `${name ?? 'generated'}-${rate}`);
      await walkIn(cdp, 'main', rate, `${name ?? 'generated'}-${rate}`);
    }
  }
} finally {
  await s.close();
  await server?.close();
}
