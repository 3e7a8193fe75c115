import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { cleanPageUrl } from '../../utils/url/clean-page-url';
import { tabMessage, type TabReply } from '../../utils/messaging/tab-protocol';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The bundled pack's best-documented entity, named by most end-to-end tests. */
export const CLEARVIEW_KEY = 'backstory.surveillance-tech:clearview-ai';
export const EXT_DIR = path.join(ROOT, '.output/chrome-mv3');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');

export function corpusDir(): string | null {
  const dir = process.env.BACKSTORY_CORPUS ?? path.resolve(ROOT, '../shared/corpus');
  return fs.existsSync(path.join(dir, 'pages')) ? dir : null;
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM=/path/to/chromium');
  return found;
}

export interface ServerOptions {
  /** Serve corpus pages without their scripts and remote resources: deterministic and offline. */
  staticCorpus?: boolean;
  /** HTML inserted right after `<body…>` of corpus pages (for planted mentions). */
  inject?: (name: string) => string | null;
}

/** Serves fixtures and corpus pages on 127.0.0.1; `/corpus/<name>` reads ../shared/corpus/pages. */
export async function startServer(extra: Record<string, string> = {}, opts: ServerOptions = {}) {
  const corpus = corpusDir();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file: string | null = null;
    if (extra[url.pathname] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extra[url.pathname]);
      return;
    }
    if (url.pathname.startsWith('/corpus/') && corpus) file = path.join(corpus, 'pages', path.basename(url.pathname));
    else if (url.pathname.startsWith('/pages/')) file = path.join(FIXTURES, path.basename(url.pathname));
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    const corpusPage = url.pathname.startsWith('/corpus/');
    // Saved pages still point at their original sites; the CSP keeps the page itself off the
    // network, so anything that reaches the trap proxy is ours.
    if (corpusPage && opts.staticCorpus) {
      headers['content-security-policy'] = "default-src 'self' data: 'unsafe-inline'; script-src 'none'";
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    const planted = corpusPage ? opts.inject?.(path.basename(url.pathname)) : null;
    res.writeHead(200, headers);
    if (!corpusPage || (!planted && !opts.staticCorpus)) {
      fs.createReadStream(file).pipe(res);
      return;
    }
    let html = fs.readFileSync(file, 'utf8');
    // Connection hints and iframes make Chromium open connections that CSP does not govern.
    if (opts.staticCorpus)
      html = html
        .replace(/<link\b[^>]*\brel=["']?(?:preconnect|dns-prefetch|prefetch|preload|prerender|modulepreload)\b[^>]*>/gi, '')
        .replace(/(<iframe\b[^>]*?)\ssrc=/gi, '$1 data-src=');
    if (planted) {
      const m = /<body[^>]*>/i.exec(html);
      html = m ? html.slice(0, m.index + m[0].length) + planted + html.slice(m.index + m[0].length) : planted + html;
    }
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Every request that is not to loopback goes through this proxy, which refuses it and records it:
 * the "no network" assertion covers the service worker, extension pages and web pages alike.
 */
export async function startTrapProxy() {
  const hits: string[] = [];
  const server = net.createServer((sock) => {
    sock.once('data', (buf) => {
      const [line = ''] = buf.toString('latin1').split('\r\n');
      hits.push(line);
      sock.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    sock.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Requests to anything but the test server, seen by the trap proxy or by Playwright. */
  offHost(): string[];
  close(): Promise<void>;
}

/**
 * Chromium itself calls Google hosts at start-up (sign-in, component checks), with or without any
 * extension: seen by running the trap proxy with the extension disabled. Those are the browser's,
 * not ours; any other host reaching the trap fails the privacy assertion.
 */
export const BROWSER_OWN_HOSTS = /^CONNECT ([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com):443 /;

export async function launch(opts: { locale?: string; extension?: string | null; headed?: boolean } = {}): Promise<Session> {
  const ext = opts.extension === undefined ? EXT_DIR : opts.extension;
  if (ext && !fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error(`no built extension in ${ext}: run "npm run build" first`);
  const tmpRoot = path.join(ROOT, '.e2e-tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const profile = fs.mkdtempSync(path.join(tmpRoot, 'profile-'));
  const proxy = await startTrapProxy();
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-default-browser-check',
    `--proxy-server=${proxy.url}`,
    // Loopback must reach the test server directly (the bench gives each corpus site its own
    // name under .localhost, which Chromium resolves to loopback itself); everything else hits the trap.
    '--proxy-bypass-list=<-loopback>;127.0.0.1;*.localhost',
    // The extension's catalogue follows --lang only when it names a language Chromium knows without a
    // region ("fr", not "fr-FR", on a build that ships only en-US): the region stays in `locale` below.
    ...(opts.locale ? [`--lang=${opts.locale.split('-')[0]}`] : []),
    ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
  ];
  if (os.userInfo().uid === 0) args.push('--no-sandbox');
  // Lets Playwright report the service worker's own requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !opts.headed,
    args,
    // On Linux, Chromium takes its UI language (the extension's i18n) from LANGUAGE, not --lang; the
    // language needs its locale pack (Debian: chromium-l10n). `locale` sets the pages' navigator.language.
    ...(opts.locale ? { env: { ...process.env, LANGUAGE: `${opts.locale.replace('-', '_')}:${opts.locale.split('-')[0]}` } } : {}),
    locale: opts.locale,
    // On Linux, Chromium takes its UI language (the one extensions' catalogues follow) from LANGUAGE,
    // not from --lang, which sets only what pages are told (navigator.language, Accept-Language).
    ...(opts.locale ? { env: { ...process.env, LANGUAGE: opts.locale.replace('-', '_') } } : {}),
    viewport: { width: 1280, height: 860 },
  });
  const offHostRequests = new Map<object, string>();
  context.on('request', (req) => {
    const u = req.url();
    if (/^(data|blob|chrome-extension|about|chrome|file):/.test(u)) return;
    if (/^https?:\/\/(127\.0\.0\.1|[a-z0-9-]+\.localhost)(:\d+)?\//.test(u)) return;
    offHostRequests.set(req, u);
  });
  // A request the page's CSP blocked never left the browser.
  context.on('requestfailed', (req) => {
    if (/ERR_BLOCKED_BY_CSP|csp/i.test(req.failure()?.errorText ?? '')) offHostRequests.delete(req);
  });
  let worker: Worker | undefined;
  let extensionId = '';
  if (ext) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    worker: worker!,
    extensionId,
    offHost: () => [...offHostRequests.values(), ...proxy.hits.filter((h) => !BROWSER_OWN_HOSTS.test(h))],
    async close() {
      await context.close();
      await proxy.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The service worker, waking it if Chromium stopped it. */
export async function worker(s: Session): Promise<Worker> {
  const w = s.context.serviceWorkers().find((x) => x.url().includes(s.extensionId));
  if (w) return w;
  return s.context.waitForEvent('serviceworker', { timeout: 20_000 });
}

export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
    return h ? h.size : 0;
  });
}

/** Text of every highlighted range (read from the page's main world, which shares CSS.highlights). */
export async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
    return h ? [...h].map((r) => r.toString()) : [];
  });
}

export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<number> {
  await page.waitForFunction(
    (n) => {
      const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
      return !!h && h.size >= n;
    },
    min,
    { timeout },
  );
  return highlightCount(page);
}

/** Centre of the first client rect of the n-th highlighted range whose text matches. */
export async function mentionPoint(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([t, n]) => {
      const h = new Set([...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((x) => [...x]));
      const ranges = h ? [...h].filter((r) => r.toString().replace(/\s+/g, ' ') === t) : [];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const r = ranges[n];
      if (!r) return null;
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (!rect) return null;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [text, nth] as const,
  );
  if (!p) throw new Error(`no highlighted mention "${text}" #${nth}`);
  return p;
}

/**
 * The hover card lives in a closed shadow root, which page scripts (and Playwright's locators)
 * cannot enter. CDP's DOM domain with pierce:true sees it, as a person's eyes would.
 */
export interface CardNode {
  text: string;
  buttons: string[];
  links: { text: string; href: string }[];
  host: string;
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  /** A same-process frame's document (an iframe of the page's origin, or about:blank). */
  contentDocument?: DomNode;
}

function textOf(n: DomNode): string {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.localName === 'style' || n.localName === 'script') return '';
  const kids = [...(n.shadowRoots ?? []), ...(n.children ?? [])];
  const parts = kids.map(textOf);
  const block = ['p', 'li', 'div', 'header', 'footer', 'ul', 'button', 'blockquote'].includes(n.localName);
  return block ? `\n${parts.join('')}\n` : parts.join('');
}

function findAll(n: DomNode, pred: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (pred(n)) out.push(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) findAll(c, pred, out);
  return out;
}

/**
 * Node ids matching `selector` inside every closed shadow root of the page (the card's), found over the
 * DevTools protocol as a person's eyes would: page scripts cannot enter a closed root.
 */
export async function closedRootNodes(cdp: CDPSession, selector: string): Promise<number[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const shadows = findAll(root, (n) => (n.shadowRoots ?? []).some((s) => s.shadowRootType === 'closed')).flatMap((h) =>
    (h.shadowRoots ?? []).filter((s) => s.shadowRootType === 'closed'),
  );
  const ids: number[] = [];
  for (const sr of shadows) ids.push(...(await cdp.send('DOM.querySelectorAll', { nodeId: sr.nodeId, selector })).nodeIds);
  return ids;
}

export async function readCard(page: Page): Promise<CardNode | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts = findAll(root, (n) => (n.shadowRoots ?? []).some((s) => s.shadowRootType === 'closed'));
    for (const host of hosts) {
      const style = (host.attributes ?? []).join(' ');
      // The card hides through a custom property (random name) its :host rule reads (see card-host.ts).
      if (/:\s*none\b/.test(style)) continue;
      const shadow = host.shadowRoots!.find((s) => s.shadowRootType === 'closed')!;
      const buttons = findAll(shadow, (n) => n.localName === 'button').map((b) => textOf(b).trim());
      const links = findAll(shadow, (n) => n.localName === 'a').map((a) => {
        const attrs = a.attributes ?? [];
        const i = attrs.indexOf('href');
        return { text: textOf(a).trim(), href: i >= 0 ? (attrs[i + 1] ?? '') : '' };
      });
      return {
        text: textOf(shadow)
          .replace(/\n\s*\n+/g, '\n')
          .trim(),
        buttons,
        links,
        host: host.localName,
      };
    }
    return null;
  } finally {
    await cdp.detach();
  }
}

// 10 s, not 5: under heavy parallel load (two cores, several browsers) the worker's reply and the
// card's render were seen to take over 5 s; the wait only catches a card that never comes.
export async function waitForCard(page: Page, pred: (c: CardNode) => boolean = () => true, timeout = 10_000): Promise<CardNode> {
  const end = Date.now() + timeout;
  let last: CardNode | null = null;
  while (Date.now() < end) {
    last = await readCard(page);
    if (last && pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`card did not appear as expected; last seen: ${JSON.stringify(last)}`);
}

/** The centre of the card's button whose text matches, in the page's viewport (the card's root is closed: read over the DevTools protocol). */
export async function cardButtonPoint(page: Page, text: RegExp): Promise<{ x: number; y: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const btn = findAll(root, (n) => n.localName === 'button' && text.test(textOf(n)))[0];
    if (!btn) throw new Error(`no card button ${text}`);
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: btn.nodeId });
    // A DOM.Quad is the four corners as x1, y1, … x4, y4: average the x's and the y's.
    const q = model.content;
    if (q.length !== 8) throw new Error(`a box-model quad has 8 numbers, not ${q.length}`);
    const mean = (parity: number) => q.filter((_, i) => i % 2 === parity).reduce((a, b) => a + b, 0) / 4;
    // Box-model quads are relative to the main frame's viewport, like mouse coordinates.
    return { x: mean(0), y: mean(1) };
  } finally {
    await cdp.detach();
  }
}

/** Click a card button (found by its text) at its box centre, like a person would. */
export async function clickCardButton(page: Page, text: RegExp) {
  const { x, y } = await cardButtonPoint(page, text);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
}

/**
 * Spy on the worker's real `chrome.sidePanel.open` and call through: the browser must accept the
 * call as coming from a user gesture. Returns a reader of the outcomes since the last reset.
 */
export async function spyOnSidePanel(s: Session): Promise<() => Promise<string[]>> {
  const w = await worker(s);
  await w.evaluate(() => {
    type Open = (o: object) => Promise<void>;
    const g = globalThis as unknown as { chrome: { sidePanel: { open: Open } }; __opens: string[]; __realOpen?: Open };
    g.__opens = [];
    if (g.__realOpen) return;
    const real = g.chrome.sidePanel.open.bind(g.chrome.sidePanel);
    g.__realOpen = real;
    g.chrome.sidePanel.open = (o) =>
      real(o).then(
        () => void g.__opens.push('ok'),
        (e: Error) => (g.__opens.push(`error: ${e.message}`), Promise.reject(e)),
      );
  });
  return () => w.evaluate(() => (globalThis as unknown as { __opens: string[] }).__opens);
}

/** The content script's scan statistics for a tab (its top frame's, or the frame `frameId`'s), once its first scan is complete. */
export async function scanStats(s: Session, tabId: number, timeout = 15_000, frameId?: number): Promise<TabReply<'scan.stats'>> {
  const end = Date.now() + timeout;
  for (;;) {
    const w = await worker(s);
    const r = await w
      .evaluate(
        ({ id, msg, frame }) =>
          (chrome as unknown as { tabs: { sendMessage(id: number, m: object, o?: { frameId: number }): Promise<unknown> } }).tabs.sendMessage(
            id,
            msg,
            frame === null ? undefined : { frameId: frame },
          ),
        // One frame's own stats when a frameId is given; the top frame's otherwise.
        { id: tabId, msg: frameId === undefined ? tabMessage('scan.stats') : tabMessage('scan.stats', { frame: true }), frame: frameId ?? null },
      )
      .catch(() => null);
    const stats = r as TabReply<'scan.stats'> | null;
    if (stats && stats.firstScanMs > 0) return stats;
    if (Date.now() > end) throw new Error(`no scan stats from tab ${tabId}${frameId === undefined ? '' : ` frame ${frameId}`}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

type TabRecord = { url: string | null; title?: string | null; counts: Record<string, number>; focus: string | null; quote?: string | null };

/** What the worker keeps for a tab in session storage (address, counts, focus, quote), or null. */
export async function tabState(s: Session, tabId: number): Promise<TabRecord | null> {
  const w = await worker(s);
  const key = `tab:${tabId}`;
  const st = await w.evaluate((k) => chrome.storage.session.get(k), key);
  return (st[key] as TabRecord) ?? null;
}

/** The ids of the tab's frames that reported counts (0 is the top frame), lowest first: a frame's id grows with each new frame. */
export async function reportedFrames(s: Session, tabId: number): Promise<number[]> {
  const w = await worker(s);
  const key = `tab:${tabId}`;
  const st = await w.evaluate((k) => chrome.storage.session.get(k), key);
  const frames = (st[key] as { frames?: Record<string, unknown> } | undefined)?.frames ?? {};
  return Object.keys(frames)
    .map(Number)
    .sort((a, b) => a - b);
}

/** An extension page (popup, side panel) opened as a tab, describing the given tab. */
export async function openExtensionPage(s: Session, page: 'popup' | 'sidepanel', tabId: number) {
  const p = await s.context.newPage();
  await p.goto(`chrome-extension://${s.extensionId}/${page}.html?tab=${tabId}`);
  return p;
}

/**
 * The id Chromium gave a page's tab, as the extension sees it: the tab whose content script reported
 * this page to the worker (without the "tabs" permission, tabs.query() shows no URLs). Waits for
 * that report (a page on a paused site reports its address alone, once it found its site paused).
 */
export async function tabIdOf(s: Session, page: Page, timeout = 15_000): Promise<number> {
  // The worker keeps page addresses cleaned of secret-bearing parts: compare in that form.
  const url = cleanPageUrl(page.url());
  const end = Date.now() + timeout;
  for (;;) {
    const w = await worker(s);
    const ids = await w.evaluate(async (u) => {
      const all = await chrome.storage.session.get(null);
      return Object.entries(all)
        .filter(([k, v]) => k.startsWith('tab:') && (v as { url?: string }).url === u)
        .map(([k]) => Number(k.slice(4)));
    }, url);
    // Several tabs may show the same URL: the page most recently opened has the highest id.
    if (ids.length) return Math.max(...ids);
    if (Date.now() > end) throw new Error(`no tab reported ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

declare const chrome: {
  storage: { session: { get(k: string | null): Promise<Record<string, unknown>> } };
};
