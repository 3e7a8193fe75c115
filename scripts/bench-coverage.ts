/**
 * The benchmark's coverage phase (issue 14: names in open shadow roots and same-origin frames are found
 * "at the same cost per character"). One generated article, the same text each time, is read in four
 * places: (a) the page's light DOM; (b) nested open shadow roots, as MSN renders its news (the article
 * in a custom element's shadow root, each paragraph in another custom element's shadow root inside it);
 * (c) a same-origin frame holding page (a); (d) an about:blank frame the page writes page (a) into.
 * Each variant is loaded several times, the variants in turn (so the shared machine's load falls on all
 * alike), in one profile with the bundled packs only; a frame's own `scan.stats` is asked of that frame
 * by its frameId. Reported per variant: the content script's work (walk, tokenize, dictionary load,
 * match, paint: the corpus table's "work") per million characters of the article, median of the loads,
 * and the mentions found, which must be equal.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch, reportedFrames, scanStats, startServer, tabIdOf, type Session } from '../tests/support/harness';
import type { TabReply } from '../utils/messaging/tab-protocol';
import { pageWorkMs } from './bench-report';
import { mulberry32 } from './seeded-random';

/** Names of the bundled packs planted in the prose (strong aliases: each counts on its own). */
const PLANTED = [
  'Clearview AI',
  'PimEyes',
  'NSO Group',
  'Cambridge Analytica',
  'Kashmir Hill',
  'Hoan Ton-That',
  'Microsoft',
  'TikTok',
  'Richard Schwartz',
  'Hal Lambert',
];

const COMMON = (
  'the of and to a in that is was he for it with as his on be at by this had not are but from or have an they which one you were her all ' +
  'she there would their we him been has when who will more no if out so said what up its about into than them can only other new some ' +
  'could time these two may then do first any my now such like our over man me even most made after also did many before must through back ' +
  'years where much your way well down should because each just those people how too little state good very make world still own see men ' +
  'work long get here between both life being under never day same another know while last might us great old year off come since against ' +
  'go came right used take three city council police report court data photos company law faces search public officials agency records'
).split(' ');
const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'len',
  'dor',
  'ta',
  'vis',
  'bel',
  'ne',
  'sor',
  'gu',
  'pra',
  'tin',
  'ex',
  'ul',
  'mar',
  'cho',
  'fe',
  'lis',
  'quo',
  'dan',
  'pe',
  'rig',
  'so',
];

export interface Article {
  title: string;
  /** Paragraphs as HTML (words, punctuation, a few inline elements: nothing to escape). */
  paragraphs: string[];
  /** Characters of text the content script's walk reads: title and paragraphs, markup left out. */
  chars: number;
  /** Names planted. */
  planted: number;
}

/**
 * About `chars` characters of prose in paragraphs of 3–6 sentences: common English words, then a long
 * tail of made-up words (a real article's few thousand distinct words, each looked up once), some
 * capitalised; a planted name in every other paragraph, a third of them in a link; some emphasis.
 */
export function generateArticle(chars: number, seed = 14): Article {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const made: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let w = '';
    const n = 2 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) w += pick(SYLLABLES);
    made.push(w);
  }
  // Zipf-like: common words most of the time, the made-up tail skewed towards its head.
  const word = () => (rnd() < 0.6 ? pick(COMMON) : (made[Math.floor(made.length * rnd() ** 2)] ?? 'word'));
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 17);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      if (i === 0 || rnd() < 0.06) w = cap(w);
      if (i > 2 && i < n - 1 && rnd() < 0.08) w += ',';
      ws.push(w);
    }
    return `${ws.join(' ')}.`;
  };
  const title = 'A council, its cameras and the companies behind them';
  const paragraphs: string[] = [];
  let text = title.length;
  let planted = 0;
  while (text < chars) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) sentences.push(sentence());
    let html = sentences.join(' ');
    let plain = html;
    if (paragraphs.length % 2 === 0) {
      const name = pick(PLANTED);
      const said = ` A spokesperson for ${name} declined to comment.`;
      html += planted % 3 === 0 ? ` A spokesperson for <a href="#p${planted}">${name}</a> declined to comment.` : said;
      plain += said;
      planted++;
    }
    if (paragraphs.length % 4 === 1) {
      const cut = html.indexOf(' ', 20);
      const end = html.indexOf(' ', cut + 1);
      if (cut > 0 && end > cut) html = `${html.slice(0, cut + 1)}<em>${html.slice(cut + 1, end)}</em>${html.slice(end)}`;
    }
    paragraphs.push(html);
    text += plain.length;
  }
  return { title, paragraphs, chars: text, planted };
}

const HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Coverage bench</title>';
const STYLE = '<style>body { margin: 0 16px; font: 18px/1.6 Georgia, serif; } iframe { display: block; width: 100%; height: 700px; border: 0; }</style>';

/** (a) The article in the page's own DOM. */
function lightPage(a: Article): string {
  return `${HEAD}${STYLE}</head><body><main><article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
}

/** A string for an inline script: JSON, with `</` broken so no `</script>` ends it early. */
const scriptString = (v: unknown) => JSON.stringify(v).replace(/<\//g, '<\\/');

/** (b) Two levels of open shadow roots, as MSN: the article's element, then one element per paragraph. */
function shadowPage(a: Article): string {
  return `${HEAD}${STYLE}</head><body><main><news-article></news-article></main><script>
const TITLE = ${scriptString(a.title)};
const PARAS = ${scriptString(a.paragraphs)};
customElements.define('article-para', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = '<p>' + PARAS[Number(this.dataset.i)] + '</p>';
  }
});
customElements.define('news-article', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = '<article><h1>' + TITLE + '</h1>' + PARAS.map((_, i) => '<article-para data-i="' + i + '"></article-para>').join('') + '</article>';
  }
});
</script></body></html>`;
}

/** (c) Page (a) in a same-origin frame, under a heading with no name in it. */
const framePage = `${HEAD}${STYLE}</head><body><h1>Around the web</h1><iframe title="Article" src="/cov/light.html"></iframe></body></html>`;

/** (d) Page (a) written by the page's script into an about:blank frame, as comment widgets do. */
function blankPage(a: Article): string {
  return `${HEAD}${STYLE}</head><body><h1>Around the web</h1><iframe title="Article" id="article"></iframe><script>
const doc = document.getElementById('article').contentDocument;
doc.open();
doc.write(${scriptString(lightPage(a))});
doc.close();
</script></body></html>`;
}

interface Variant {
  name: string;
  path: string;
  /** The article is in the page's frame, not its top document. */
  inFrame: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'light DOM', path: '/cov/light.html', inFrame: false },
  { name: 'nested open shadow roots', path: '/cov/shadow.html', inFrame: false },
  { name: 'same-origin frame', path: '/cov/frame.html', inFrame: true },
  { name: 'about:blank frame', path: '/cov/blank.html', inFrame: true },
];

export interface CoverageLoad {
  /** Walk + tokenize + dictionary load + match + paint, every scan of the load (rescans included). */
  workMs: number;
  walkMs: number;
  tokenizeMs: number;
  matchMs: number;
  highlightMs: number;
  loadMs: number;
  /** Characters the scans read (more than the article's when something was rescanned). */
  chars: number;
  mentions: number;
  /** Rescans after the first scan (mutation batches). */
  batches: number;
  /** Content script start → first scan done (a frame's includes its wait for the top page). */
  firstScanMs: number;
}

export interface CoverageSummary {
  variant: string;
  loads: number;
  articleChars: number;
  /** Medians over the loads. */
  workMs: number;
  msPerMChars: number;
  walkMs: number;
  tokenizeMs: number;
  firstScanMs: number;
  /** Work per character ÷ the light DOM's. */
  vsLight: number;
  /** The loads' lowest and highest work per M characters: on a shared machine, the noise. */
  rangeMsPerMChars: [number, number];
  matchMs: number;
  highlightMs: number;
  loadMs: number;
  chars: number[];
  mentions: number[];
  batches: number[];
  /** Every load's work, walk and tokenize ms, in order (the machine's noise shows here). */
  perLoad: { workMs: number; walkMs: number; tokenizeMs: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? NaN) + (s[s.length >> 1] ?? NaN)) / 2 : NaN;
};

/** The frame that holds the article: the tab's newest reporting frame, newer than `after` (frame ids only grow). */
async function articleFrame(s: Session, tabId: number, after: number): Promise<number> {
  const end = Date.now() + 30_000;
  for (;;) {
    const newest = (await reportedFrames(s, tabId)).at(-1) ?? 0;
    if (newest > after) return newest;
    if (Date.now() > end) throw new Error(`no frame of tab ${tabId} reported`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Settling time after the first scan, for any rescan it triggers (the observer waits 100 ms of quiet, 500 ms at most). */
const SETTLE_MS = 1000;

async function loadOnce(s: Session, page: Page, url: string, v: Variant, lastFrame: { id: number }): Promise<CoverageLoad> {
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(s, page);
  let frameId: number | undefined;
  if (v.inFrame) {
    frameId = await articleFrame(s, tabId, lastFrame.id);
    lastFrame.id = frameId;
  }
  await scanStats(s, tabId, 60_000, frameId);
  await page.waitForTimeout(SETTLE_MS);
  const st: TabReply<'scan.stats'> = await scanStats(s, tabId, 60_000, frameId);
  return {
    workMs: pageWorkMs(st),
    walkMs: st.walkMs,
    tokenizeMs: st.tokenizeMs,
    matchMs: st.matchMs,
    highlightMs: st.highlightMs,
    loadMs: st.loadMs,
    chars: st.chars,
    mentions: Object.values(st.counts).reduce((n, c) => n + c, 0),
    batches: st.batches.length,
    firstScanMs: st.firstScanMs,
  };
}

export interface CoverageOptions {
  chars: number;
  loads: number;
}

/** `--coverage-chars=N` (the article's size, default 120,000) and `--coverage-loads=N` (per variant, default 5). */
export function coverageOptions(argv: string[]): CoverageOptions {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return { chars: Math.max(1000, Number(arg('coverage-chars') ?? 120_000)), loads: Math.max(1, Number(arg('coverage-loads') ?? 5)) };
}

export async function benchCoverage(opts: CoverageOptions): Promise<CoverageSummary[]> {
  const article = generateArticle(opts.chars);
  const srv = await startServer({
    '/cov/light.html': lightPage(article),
    '/cov/shadow.html': shadowPage(article),
    '/cov/frame.html': framePage,
    '/cov/blank.html': blankPage(article),
  });
  const s = await launch();
  const loads = new Map<Variant, CoverageLoad[]>(VARIANTS.map((v) => [v, []]));
  try {
    const page = await s.context.newPage();
    const lastFrame = { id: 0 };
    let n = 0;
    // One load of each first, not counted: the worker's dictionary and the page's code are warm after it.
    // Each round starts one variant later, so none always follows the same one.
    for (let round = 0; round <= opts.loads; round++)
      for (const v of [...VARIANTS.slice(round % VARIANTS.length), ...VARIANTS.slice(0, round % VARIANTS.length)]) {
        const one = await loadOnce(s, page, `${srv.origin}${v.path}?load=${++n}`, v, lastFrame);
        if (round > 0) loads.get(v)?.push(one);
      }
    await page.close();
  } finally {
    await s.close();
    await srv.close();
  }
  const perM = (l: CoverageLoad) => (l.workMs / article.chars) * 1e6;
  const light = median(loads.get(VARIANTS[0]!)?.map(perM) ?? []);
  return VARIANTS.map((v) => {
    const ls = loads.get(v) ?? [];
    const msPerMChars = median(ls.map(perM));
    return {
      variant: v.name,
      loads: ls.length,
      articleChars: article.chars,
      workMs: median(ls.map((l) => l.workMs)),
      msPerMChars,
      walkMs: median(ls.map((l) => l.walkMs)),
      tokenizeMs: median(ls.map((l) => l.tokenizeMs)),
      firstScanMs: median(ls.map((l) => l.firstScanMs)),
      matchMs: median(ls.map((l) => l.matchMs)),
      highlightMs: median(ls.map((l) => l.highlightMs)),
      loadMs: median(ls.map((l) => l.loadMs)),
      vsLight: msPerMChars / light,
      rangeMsPerMChars: [Math.min(...ls.map(perM)), Math.max(...ls.map(perM))],
      chars: ls.map((l) => l.chars),
      mentions: ls.map((l) => l.mentions),
      batches: ls.map((l) => l.batches),
      perLoad: ls.map(({ workMs, walkMs, tokenizeMs }) => ({ workMs, walkMs, tokenizeMs })),
    };
  });
}

/** The phase's table, and whether every variant found the same mentions and read the article's characters once. */
export function coverageLines(rows: CoverageSummary[]): string[] {
  const r2 = (x: number) => (Math.round(x * 100) / 100).toString();
  const first = rows[0];
  const equal = rows.every((r) => r.mentions.every((m) => m === first?.mentions[0]));
  const once = rows.every((r) => r.chars.every((c) => c === r.articleChars));
  return [
    '',
    `Coverage: the same article (${first?.articleChars.toLocaleString('en') ?? 0} characters) in four places, median of ${first?.loads ?? 0} loads`,
    '| where | work ms | work ms per M chars (loads’ range) | ÷ light DOM | walk ms · tokenize / match ms in the worker | start → first scan done ms | characters read | mentions found | rescans |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.variant} | ${r2(r.workMs)} | ${Math.round(r.msPerMChars)} (${r.rangeMsPerMChars.map(Math.round).join('–')}) | ${r2(r.vsLight)} | ` +
        `${r2(r.walkMs)} · ${r2(r.tokenizeMs)} / ${r2(r.matchMs)} | ${Math.round(r.firstScanMs)} | ` +
        `${[...new Set(r.chars)].join(', ')} | ${[...new Set(r.mentions)].join(', ')} | ${Math.max(...r.batches)} |`,
    ),
    equal ? 'Mentions found: equal in every variant and load.' : 'MENTIONS DIFFER between variants or loads.',
    once ? 'Characters read: the article once per load in every variant.' : 'Some loads read other than the article once (see "characters read").',
  ];
}

/** `--only=coverage`: run the phase, print its table, write out/bench/coverage.json. */
export async function coveragePhase(out: string, argv: string[]): Promise<CoverageSummary[]> {
  const rows = await benchCoverage(coverageOptions(argv));
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'coverage.json'), JSON.stringify({ date: new Date().toISOString(), chromium: 'headless (Debian)', coverage: rows }, null, 2));
  for (const line of coverageLines(rows)) console.log(line);
  return rows;
}
