/**
 * Collect a page's readable text as "blocks": runs of text nodes inside one block context, joined
 * across inline elements (`Clearview <b>AI</b>`) but broken at block elements and `<br>`, so a
 * name is never bridged across two paragraphs or list items.
 */

import { Pacer } from './pacer';
import { MAX_BLOCK_CHARS } from '../messaging/limits';

/** Elements whose text is never a mention: code, form fields, metadata, embedded content. */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SVG',
  'svg',
  'MATH',
  'math',
  'HEAD',
  'TITLE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
]);

/** Elements that flow inside a line: text on both sides belongs to the same block. */
export const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'NOBR',
  'TT',
  'BIG',
]);

export interface Block {
  /** The block-level element this text flows in. */
  element: Element;
  text: string;
  nodes: Text[];
  /** offsets[i] = index in `text` where nodes[i] starts. */
  offsets: number[];
}

/** Any character that String.prototype.trim keeps. */
export const NOT_SPACE = /\S/;

/** A walk's unit of work is a node, or 64 characters of text read or joined into a block. */
const CHARS_PER_UNIT_SHIFT = 6;

/** Cut a block into pieces of at most MAX_BLOCK_CHARS, each mapping back to the same text nodes. */
export function splitBlock(block: Block): Block[] {
  const out: Block[] = [];
  const { text, nodes, offsets } = block;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_BLOCK_CHARS);
    if (end < text.length) {
      // Prefer a sentence end, then any space, in the last quarter of the piece.
      const floor = start + (MAX_BLOCK_CHARS >> 2) * 3;
      // Searched from before the cap: a match at `end` would make a piece one or two over it.
      const sentence = text.lastIndexOf('. ', end - 2);
      const space = text.lastIndexOf(' ', end - 1);
      end = sentence > floor ? sentence + 2 : space > floor ? space + 1 : end;
    }
    // Nodes overlapping [start, end); offsets relative to the piece (the first may be negative).
    const pn: Text[] = [];
    const po: number[] = [];
    for (let i = 0; i < nodes.length; i++) {
      // offsets runs parallel to nodes, so offsets[i] exists and offsets[i + 1] exactly when a next node does.
      const nodeStart = offsets[i]!;
      const nodeEnd = offsets[i + 1] ?? text.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      pn.push(nodes[i]!);
      po.push(nodeStart - start);
    }
    out.push({ element: block.element, text: text.slice(start, end), nodes: pn, offsets: po });
    start = end;
  }
  return out;
}

export interface WalkOptions {
  /** Elements to treat as absent (the extension's own UI). */
  exclude?: (el: Element) => boolean;
  /** The slices' clock (tests give a fake one). */
  now?: () => number;
}

export function isSkipped(el: Element, exclude?: (el: Element) => boolean): boolean {
  return SKIP_TAGS.has(el.tagName) || skippedByAttributes(el, exclude);
}

/** isSkipped once the tag passed: `hidden`, contenteditable, the caller's exclusions. */
function skippedByAttributes(el: Element, exclude?: (el: Element) => boolean): boolean {
  // Most elements carry no attributes at all: skip the attribute lookups for them.
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden')) return true;
    const ce = el.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') return true;
  }
  return exclude ? exclude(el) : false;
}

/** True when `el` or an ancestor is skipped (used for mutation targets, not during walks). */
export function insideSkipped(node: Node, exclude?: (el: Element) => boolean): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : composedParent(node); el; el = composedParent(el)) {
    if (isSkipped(el, exclude)) return true;
  }
  return false;
}

/**
 * Built-in elements that may host a shadow root (DOM standard, attachShadow); any custom element
 * (a name with a dash) may too. Only these pay for reading `shadowRoot` during a walk.
 */
const SHADOW_HOST_TAGS = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DIV',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SPAN',
]);

/** The element's open shadow root, if it has one (a closed one reads as null: out of reach). */
export function openShadowRoot(el: Element, tag: string = el.tagName): ShadowRoot | null {
  return SHADOW_HOST_TAGS.has(tag) || tag.includes('-') ? el.shadowRoot : null;
}

/** The parent element, or the host when `node` sits at the top of a shadow tree. */
export function composedParent(node: Node): Element | null {
  const p = node.parentNode;
  if (!p) return null;
  if (p.nodeType === 1) return p as Element;
  return p.nodeType === 11 ? ((p as ShadowRoot).host ?? null) : null;
}

/** True when `inner` is `outer` or inside it, crossing shadow boundaries upwards. */
export function composedContains(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === outer) return true;
  return false;
}

export function blockAncestor(node: Node): Element {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement!;
  // Inline text at the top of a shadow tree flows in the host's block (the walk gives it the host).
  for (let p = composedParent(el); el && INLINE_TAGS.has(el.tagName) && p; p = composedParent(el)) el = p;
  return el;
}

/**
 * A resumable walk: `step(budget)` processes nodes until the budget (ms) runs out and returns
 * false while work remains. The caller yields to the page between steps, so no step is a long task.
 */
export class TextWalker {
  readonly blocks: Block[] = [];
  /** Open shadow roots met on the way (walked after the tree they sit in), for the observer. */
  readonly shadowRoots: ShadowRoot[] = [];
  /** Custom elements with no open shadow root yet: one may be attached when the element upgrades. */
  readonly bareHosts: Element[] = [];
  private root: Node;
  /** The block the current tree's loose text belongs to: the root element, or a shadow root's host. */
  private rootBlock: Element;
  private node: Node | null;
  private blockStack: Element[] = [];
  /** Index of the next shadow root to walk once the current tree is done. */
  private nextShadow = 0;
  private parts: string[] = [];
  private nodes: Text[] = [];
  private offsets: number[] = [];
  private length = 0;
  /** Characters read, for cost accounting. */
  chars = 0;
  /** Learns the time per node across steps: a slow page or CPU gets its clock read sooner. */
  private pacer: Pacer | null = null;
  /** Work beyond the node itself since the last count, in units: a long text read, a block joined and cut. */
  private extra = 0;
  /** Whether the current step has visited a node yet (each step moves at least one). */
  private visited = false;

  constructor(
    root: Element,
    private readonly opts: WalkOptions = {},
  ) {
    this.root = root;
    this.rootBlock = root;
    this.node = root.firstChild;
    // The root itself may be a host (a rescan of a custom element that changed).
    const own = openShadowRoot(root);
    if (own && !isSkipped(root, opts.exclude)) this.shadowRoots.push(own);
    this.blockStack.push(root);
  }

  private flush() {
    // Called on entering and leaving every block element, mostly with nothing gathered: new arrays
    // only when the old ones went into a block (a page of nested divs made six empty arrays per div).
    if (!this.nodes.length) return;
    const only = this.parts[0];
    const text = this.parts.length === 1 && only !== undefined ? only : this.parts.join('');
    // The root is never popped, so the stack's top is the root or a block inside it.
    const block: Block = { element: this.blockStack[this.blockStack.length - 1] ?? this.rootBlock, text, nodes: this.nodes, offsets: this.offsets };
    this.extra += text.length >> CHARS_PER_UNIT_SHIFT;
    if (text.length <= MAX_BLOCK_CHARS) this.blocks.push(block);
    else for (const part of splitBlock(block)) this.blocks.push(part);
    this.parts = [];
    this.nodes = [];
    this.offsets = [];
    this.length = 0;
  }

  /** Returns true when the walk is complete: the tree, then each open shadow root found in it. */
  step(budgetMs: number): boolean {
    // Nodes range from a blank text node to a block's end (join and cut its text): at most 256
    // between clock reads, as the fixed cadence had, however cheap the last ones were.
    if (this.pacer?.budgetMs !== budgetMs) this.pacer = new Pacer(budgetMs, this.opts.now, 256);
    const pacer = this.pacer;
    pacer.begin();
    this.visited = false;
    for (;;) {
      if (!this.stepTree(pacer)) return false;
      const shadow = this.shadowRoots[this.nextShadow++];
      if (!shadow) return true;
      // A shadow tree is its own block context: its text never joins the host's light text.
      this.root = shadow;
      this.rootBlock = shadow.host;
      this.node = shadow.firstChild;
      this.blockStack = [shadow.host];
    }
  }

  private stepTree(pacer: Pacer): boolean {
    const { root, blockStack } = this;
    const { exclude } = this.opts;
    let node = this.node;
    while (node) {
      // One unit per node visited since the last one: at least one node per step.
      if (this.visited && pacer.spend(1 + this.extra)) {
        this.node = node;
        return false;
      }
      this.visited = true;
      this.extra = 0;
      let descend = false;
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        // Most text nodes are the white space between blocks; a block never starts with one. (A test,
        // not trim(): trim copies every such node's text, and JavaScript's white space is the same.)
        if (this.length ? data.length : NOT_SPACE.test(data)) {
          this.offsets.push(this.length);
          this.nodes.push(node as Text);
          this.parts.push(data);
          this.length += data.length;
          this.chars += data.length;
          this.extra += data.length >> CHARS_PER_UNIT_SHIFT;
        }
      } else if (type === 1) {
        const el = node as Element;
        // Each DOM read from the content script's world is a call into the browser: the tag is read once.
        const tag = el.tagName;
        if (tag === 'BR') this.flush();
        else if (!SKIP_TAGS.has(tag) && !skippedByAttributes(el, exclude)) {
          const shadow = openShadowRoot(el, tag);
          if (shadow) this.shadowRoots.push(shadow);
          else if (tag.includes('-')) this.bareHosts.push(el);
          if (INLINE_TAGS.has(tag)) descend = true;
          else {
            this.flush();
            blockStack.push(el);
            descend = true;
          }
        }
      }
      if (descend) {
        const first = node.firstChild;
        if (first) {
          node = first;
          continue;
        }
        if (blockStack[blockStack.length - 1] === node) {
          // An empty block element: close it straight away.
          this.flush();
          blockStack.pop();
        }
      }
      // Climb until a next sibling exists, closing the block elements we opened on the way up.
      let next = node !== root ? node.nextSibling : null;
      while (!next && node && node !== root) {
        node = node.parentNode;
        if (node && node !== root && blockStack[blockStack.length - 1] === node) {
          this.flush();
          blockStack.pop();
        }
        next = node && node !== root ? node.nextSibling : null;
      }
      node = next;
    }
    this.flush();
    this.node = null;
    return true;
  }
}
