/**
 * The content script's injection task, from a performance trace: the one task in which the browser
 * compiles and evaluates the script. It is the script's longest task that slicing cannot shorten, so
 * on a slow machine it is the first to become a long task. Build first (`npx wxt build`), then:
 *
 *   npx tsx scripts/trace-start.ts [--cpu=4] [--runs=3] [--per-load] [--extension=dir] a.html [b.html ...]
 *
 * Prints, per corpus page and load, the task's length and its compile and run parts (ms), for each
 * content script: the card's (`card.js`, at document_end) and the main one (`content.js`, at
 * document_idle). A task's length counts whatever else ran in it; its compile and run parts are ours. Only the
 * first load in the renderer compiles: later loads of the same site reuse V8's compiled script (the
 * compile part falls from tens of ms to about 0.1 at ×4), so compare first loads with first loads.
 * Then V8's parsing and compiling on that thread, during the injection and after it until the first
 * scan is done (each function compiled on its first call: the scan's, the card's parts). --per-load
 * serves every load under a name of its own, so in a new renderer: every load is a first load.
 * Tracing slows what it records: compare builds with each other, in alternation, not with the bench
 * (--extension names another build's directory, such as an older commit's .output/chrome-mv3).
 */
import { launch, scanStats, startServer, tabIdOf } from '../tests/support/harness';
import { compileSplit, type TraceEvent } from './bench-trace';
import { corpusPageUrl } from './bench-report';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const cpu = Number(arg('cpu') ?? 4);
const runs = Number(arg('runs') ?? 3);
const perLoad = process.argv.includes('--per-load');
const extension = arg('extension');
const pages = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!pages.length) {
  console.error('Name one or more corpus pages: npx tsx scripts/trace-start.ts --cpu=4 medium-3.html');
  process.exit(1);
}

const server = await startServer({}, { staticCorpus: true });
const s = await launch(extension ? { extension } : {});
const page = await s.context.newPage();
const cdp = await s.context.newCDPSession(page);
// The worker's dictionary warm, as in the benchmark.
await page.goto(`${server.origin}/pages/clearview-en.html`);
await scanStats(s, await tabIdOf(s, page));
await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });

const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(1);
let loads = 0;
for (let run = 1; run <= runs; run++)
  for (const name of pages) {
    const events: TraceEvent[] = [];
    const collect = (d: { value: object[] }) => events.push(...(d.value as TraceEvent[]));
    cdp.on('Tracing.dataCollected', collect);
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,disabled-by-default-v8.compile',
      transferMode: 'ReportEvents',
    });
    await page.goto(perLoad ? corpusPageUrl(server.origin, name, false, ++loads) : `${server.origin}/corpus/${name}`, { waitUntil: 'load' });
    await scanStats(s, await tabIdOf(s, page), 30_000 * cpu);
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    const within = (e: TraceEvent, outer: TraceEvent) =>
      e.pid === outer.pid && e.tid === outer.tid && e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
    const injections = ['card.js', 'content.js'].flatMap((file) => {
      const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith(`/content-scripts/${file}`));
      const task = evaluate && events.find((e) => e.name === 'RunTask' && e.ph === 'X' && within(evaluate, e));
      return evaluate && task ? [{ file, evaluate, task }] : [];
    });
    const main = injections.find((i) => i.file === 'content.js');
    if (!main) {
      console.log(`${name} run ${run}: no injection task in the trace`);
      continue;
    }
    const part = (n: string, evaluate: TraceEvent) => events.find((e) => e.name === n && e.ph === 'X' && within(e, evaluate))?.dur;
    // The scan is done when its stats come back: the trace's last event on the thread is a bound close enough.
    // A loop, not Math.max(...): a long trace's events would overflow the argument list.
    let last = main.evaluate.ts;
    for (const e of events) if (e.pid === main.evaluate.pid && e.tid === main.evaluate.tid) last = Math.max(last, e.ts + (e.dur ?? 0));
    const parsed = compileSplit(events, main.evaluate, last);
    const tasks = injections.map(
      ({ file, evaluate, task }) =>
        `${file} task ${ms(task.dur)} ms (evaluate ${ms(evaluate.dur)}: compile ${ms(part('v8.compile', evaluate))}, run ${ms(part('v8.run', evaluate))})`,
    );
    console.log(`${name} run ${run}: ${tasks.join('; ')}; V8 parsing and compiling after the main script's until its first scan: ${parsed.afterMs} ms`);
  }
await s.close();
await server.close();
