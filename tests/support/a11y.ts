import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { ROOT } from './harness';

/**
 * axe-core (the accessibility rules engine) run in a page, on an extension page as a whole or on the
 * hover card inside its closed shadow root. The test injects axe's own source over the DevTools
 * protocol (which no page CSP governs); the product never loads it.
 */

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** One rule's outcome, reduced to what a failure message needs. */
export interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  /** Each node: its selector (inside a shadow root, the host's selector, then `>>>` and the node's within it), and what fails. */
  nodes: { target: string; inShadow: boolean; summary: string }[];
}
export interface AxeSummary {
  violations: AxeRule[];
  passes: AxeRule[];
  incomplete: AxeRule[];
}

/** The impacts the suite refuses (axe's other two are minor and moderate). */
export const BLOCKING = new Set(['serious', 'critical']);

export function blocking(r: AxeSummary): AxeRule[] {
  return r.violations.filter((v) => v.impact !== null && BLOCKING.has(v.impact));
}

/** A failure message a reader can act on: each rule's id and help, each node's target and what fails. */
export function describeViolations(rules: AxeRule[]): string {
  return rules
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  at ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}

declare global {
  interface Window {
    axe?: { run(context: unknown, options: object): Promise<AxeResults> };
    __axeSummary?: (context: unknown) => Promise<AxeSummary>;
  }
}

async function injectAxe(page: Page) {
  if (await page.evaluate(() => typeof window.__axeSummary === 'function')) return;
  await page.evaluate(AXE_SOURCE);
  await page.evaluate(() => {
    const reduce = (rules: AxeResults['passes']) =>
      rules.map((r) => ({
        id: r.id,
        impact: r.impact ?? null,
        help: r.help,
        // A node in a shadow root has a nested selector: [host, node within its root].
        nodes: r.nodes.map((n) => ({
          target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | '),
          inShadow: n.target.some(Array.isArray),
          summary: n.failureSummary ?? '',
        })),
      }));
    window.__axeSummary = async (context) => {
      const axe = window.axe;
      if (!axe) throw new Error('axe-core was not injected');
      // Every rule axe enables by default (WCAG 2.x A and AA, best practices); the assertion picks
      // the serious and critical ones.
      const r = await axe.run(context, { resultTypes: ['violations', 'passes', 'incomplete'] });
      return { violations: reduce(r.violations), passes: reduce(r.passes), incomplete: reduce(r.incomplete) };
    };
  });
}

/** axe on a whole page (an extension page). */
export async function axePage(page: Page): Promise<AxeSummary> {
  await injectAxe(page);
  return page.evaluate(() => window.__axeSummary!(document));
}

interface DomNode {
  nodeId: number;
  localName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

function walk(n: DomNode, visit: (n: DomNode) => void) {
  visit(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, visit);
}

/**
 * axe on the hover card, in its closed shadow root. Page scripts (axe among them) cannot enter a
 * closed root: `host.shadowRoot` is null. The DevTools protocol sees it (`DOM.getDocument` with
 * `pierce`), and `DOM.resolveNode` gives the page's main world a handle to that root. With it, the
 * test — not the product — defines `shadowRoot` on that one host object in the main world, so axe's
 * tree builder walks into the card as it walks into any open root; the content script, in its own
 * world, sees nothing of it. Removed again once axe is done (with the grid shim below).
 */
export async function axeCard(page: Page): Promise<AxeSummary & { host: string }> {
  await injectAxe(page);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    let shadow: DomNode | null = null;
    let host = '';
    walk(root, (n) => {
      const closed = (n.shadowRoots ?? []).find((s) => s.shadowRootType === 'closed');
      // The card hides through a custom property its :host rule reads (card-host.ts): a shown one says `block`.
      if (closed && /:\s*block\b/.test((n.attributes ?? []).join(' '))) {
        shadow = closed;
        host = n.localName;
      }
    });
    if (!shadow) throw new Error('no card shown in a closed shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: (shadow as DomNode).nodeId });
    if (!object.objectId) throw new Error('the card’s shadow root has no handle');
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `async function () {
        const root = this;
        const host = root.host;
        Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
        // axe lays out its grid of boxes (which element lies under which text: colour contrast) by
        // walking from <body>; the card's host is a child of <html>, after <body>. The walk is made
        // to go on past <body> to the end of the document.
        const walker = document.createTreeWalker;
        document.createTreeWalker = function (start, ...rest) {
          if (start !== document.body) return walker.call(this, start, ...rest);
          const w = walker.call(this, document.documentElement, ...rest);
          w.currentNode = document.body;
          return w;
        };
        try {
          return await window.__axeSummary(host);
        } finally {
          delete host.shadowRoot;
          delete document.createTreeWalker;
        }
      }`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`axe failed in the card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return { ...(result.value as AxeSummary), host };
  } finally {
    await cdp.detach();
  }
}

/** The rules that examined at least one node inside a shadow root (the card's, when axe ran on the card's host). */
export function rulesSeenInShadow(r: AxeSummary): string[] {
  return [...r.passes, ...r.incomplete, ...r.violations].filter((x) => x.nodes.some((n) => n.inShadow)).map((x) => x.id);
}

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
  childIds?: string[];
}

/** What the browser gives a screen reader: a node's role, name, description, live politeness and the text inside it. */
export interface Announced {
  role: string;
  name: string;
  description: string;
  live: string | null;
  text: string;
}

/**
 * The page's accessibility tree as Chromium exposes it to screen readers (the DevTools protocol's
 * Accessibility domain; closed shadow roots included, as for any assistive technology).
 */
export async function accessibilityTree(page: Page): Promise<Announced[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (n: AXNode): string =>
      n.role?.value === 'StaticText'
        ? (n.name?.value ?? '')
        : (n.childIds ?? [])
            .map((id) => byId.get(id))
            .map((c) => (c ? textOf(c) : ''))
            .join('');
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: String(n.role?.value ?? ''),
        name: String(n.name?.value ?? ''),
        description: String(n.description?.value ?? ''),
        live: (n.properties ?? []).find((p) => p.name === 'live')?.value.value?.toString() ?? null,
        text: textOf(n).replace(/\s+/g, ' ').trim(),
      }));
  } finally {
    await cdp.detach();
  }
}
