/**
 * Paint mentions with the CSS Custom Highlight API: no element is added around the text, so the
 * page's DOM, layout and frameworks are untouched. The `::highlight()` rule has to live in a
 * document-level sheet (shadow-root styles do not reach light-DOM ranges).
 *
 * `CSS.highlights` and `document.adoptedStyleSheets` are shared with the page's own scripts, so
 * nothing registered there may name the product or look the same on every page: the registry
 * names and the exact colours are drawn at random for each page.
 */

import { cryptoRandom, randomIdent } from './random-names';
import { elementSelector, paintingElement, siblingIndex } from './paint-selectors';

/** lib.dom declares the API, but older browsers (and test DOMs) lack it. */
export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof globalThis.Highlight === 'function';
}

/** Every painted mention, and the one the card is open on. */
interface Marks {
  main: Highlight;
  active: Highlight;
}

/** The declarations for one page: same look to the reader, different text for the page to match. */
export function highlightStyle(random: () => number = cryptoRandom) {
  const name = randomIdent(random);
  let active = randomIdent(random);
  while (active === name) active = randomIdent(random);
  const jitter = (base: number, spread: number, digits = 2) => (base + (random() * 2 - 1) * spread).toFixed(digits);
  const hue = jitter(47, 4, 1);
  const main =
    `background-color: hsl(${hue} 100% 50% / ${jitter(0.28, 0.03)}); ` +
    `text-decoration: underline dotted hsl(${jitter(40, 3, 1)} 100% 31% / ${jitter(0.9, 0.05)}); text-underline-offset: ${jitter(2, 0.4, 1)}px;`;
  const current = `background-color: hsl(${jitter(40, 3, 1)} 100% 50% / ${jitter(0.55, 0.04)});`;
  return { name, active, main, current };
}

type HighlightStyle = ReturnType<typeof highlightStyle>;

/**
 * The rules for `elements` (selectors; null: every element). In forced colours (`forced`): the reader's
 * system colours, marked text for a name and the selection's for the one the card is open on, as the
 * spec keeps an author's system colours. Chromium (150) goes further and paints every custom highlight
 * in Highlight / HighlightText itself (modes.e2e.ts). Those rules are written only while forced colours
 * are on: in an `@media` block they would repeat every selector for nothing the rest of the time, and
 * the sheet is parsed again each time a scan paints (half its text on a page of 68 names).
 */
export function highlightRules(style: HighlightStyle, elements: readonly string[] | null, forced = false): string {
  const on = (name: string) => (elements ? elements.map((e) => `${e}::highlight(${name})`).join(',') : `::highlight(${name})`);
  const main = on(style.name);
  const active = on(style.active);
  const base = `${main} { ${style.main} }\n${active} { ${style.current} }\n`;
  if (!forced) return base;
  return (
    base +
    `${main} { background-color: Mark; color: MarkText; text-decoration-color: MarkText; }\n` +
    `${active} { background-color: Highlight; color: HighlightText; text-decoration-color: HighlightText; }\n`
  );
}

/** The reader's forced-colours setting, as a media query the highlighter follows. */
const FORCED_COLORS = '(forced-colors: active)';

/**
 * Whether highlight styles inherit down the tree here, so that rules on a few elements paint their
 * descendants' text: Chromium's model for custom highlights (since 102). Elsewhere one rule matches
 * every element, as before.
 */
const inheritsHighlights = () => 'userAgentData' in navigator;

export class Highlighter {
  /** Null where the browser has no Custom Highlight API: then nothing is painted. */
  private readonly marks: Marks | null = null;
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  private readonly style = highlightStyle();
  private registered = false;
  /** The rule's selector for each element that holds painted text (null: one rule on every element). */
  private readonly ruled: Map<Element, string> | null = inheritsHighlights() ? new Map() : null;
  private readonly unruled = new Set<Element>();
  private flushQueued = false;
  /** Forced colours, followed once something is painted: its rules are written only while they are on. */
  private forced: MediaQueryList | null = null;
  /** Ends the forced-colours listener with the highlighter. */
  private readonly listening = new AbortController();
  /**
   * When the rules were written (performance.now(), the first 19 times and the latest): the page's
   * next style pass is ours (the benchmark).
   */
  readonly adoptedAt: number[] = [];

  constructor(private readonly doc: Document) {
    if (!highlightSupported()) return;
    this.marks = { main: new Highlight(), active: new Highlight() };
  }

  private get registry(): HighlightRegistry {
    return CSS.highlights;
  }

  /**
   * Registering and adding rules happen only once there is something to paint: a page with no
   * mention sees no trace at all.
   */
  private install(marks: Marks) {
    if (this.registered) return;
    this.registered = true;
    // A page could squat on a name before us; drawing again keeps us from painting into its highlight.
    while (this.registry.has(this.style.name) || this.registry.has(this.style.active)) Object.assign(this.style, highlightStyle());
    this.registry.set(this.style.name, marks.main);
    this.registry.set(this.style.active, marks.active);
    const view = this.doc.defaultView;
    if (typeof view?.matchMedia === 'function') {
      this.forced = view.matchMedia(FORCED_COLORS);
      // The reader may turn forced colours on or off with the page open: its rules go in or out then.
      this.forced.addEventListener('change', () => this.rewrite(), { signal: this.listening.signal });
    }
    if (!this.ruled) this.rewrite();
  }

  private get forcedColors(): boolean {
    return this.forced?.matches ?? false;
  }

  /** Every rule again, for the rules' elements and forced colours as they are now. */
  private rewrite() {
    if (!this.registered) return;
    if (this.ruled) this.flush(true);
    else this.write(highlightRules(this.style, null, this.forcedColors));
  }

  /** Our rules, all of them, in our one sheet. */
  private write(css: string) {
    if (this.adoptedAt.length >= 20) this.adoptedAt.pop();
    this.adoptedAt.push(performance.now());
    if (this.sheet) return this.sheet.replaceSync(css);
    if (this.styleEl) return void (this.styleEl.textContent = css);
    // A constructed sheet is not a node: page scripts walking the DOM do not see it. Firefox refuses
    // a content script's sheet in the page's document (firefox-live.e2e.ts): a <style> there.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      this.styleEl = this.doc.createElement('style');
      this.styleEl.textContent = css;
      (this.doc.head ?? this.doc.documentElement).append(this.styleEl);
    }
  }

  /** Rule the element that paints `r`, with the next flush. */
  private rule(r: Range) {
    if (!this.ruled) return;
    const el = paintingElement(r);
    if (!el || this.ruled.has(el)) return;
    this.unruled.add(el);
    // Before the next rendering, so no frame shows the name unpainted; once for all the ranges a slice adds.
    if (!this.flushQueued) queueMicrotask(() => this.flush());
    this.flushQueued = true;
  }

  /** Write the rules again if elements were ruled since the last time (or `changed`: a rule went). */
  flush(changed = false) {
    this.flushQueued = false;
    if (!this.ruled || !(this.unruled.size || changed)) return;
    const position = siblingIndex();
    for (const el of this.unruled) if (el.isConnected) this.ruled.set(el, elementSelector(el, this.doc, position));
    this.unruled.clear();
    if (this.ruled.size) this.write(highlightRules(this.style, [...new Set(this.ruled.values())], this.forcedColors));
  }

  /**
   * After the page changed: rule again the painted ranges whose element moved, or whose path no longer
   * leads to it (something was put in before it), and drop rules no painted range needs.
   */
  recheck() {
    if (!this.ruled || !this.marks) return;
    const live = new Set<Element>();
    // Only live ranges (Range, not StaticRange) are ever added.
    for (const r of this.marks.main as Iterable<AbstractRange> as Iterable<Range>) {
      const el = paintingElement(r);
      if (el) live.add(el);
    }
    let changed = false;
    for (const [el, sel] of this.ruled) {
      if (live.has(el) && el.isConnected && el.matches(sel)) continue;
      this.ruled.delete(el);
      changed = true;
    }
    for (const el of live) if (!this.ruled.has(el)) this.unruled.add(el);
    this.flush(changed);
  }

  get size(): number {
    return this.marks?.main.size ?? 0;
  }

  add(r: Range) {
    if (!this.marks) return;
    this.install(this.marks);
    this.marks.main.add(r);
    this.rule(r);
  }

  remove(r: Range) {
    this.marks?.main.delete(r);
    this.marks?.active.delete(r);
  }

  setActive(r: Range | null) {
    this.marks?.active.clear();
    if (r) {
      this.marks?.active.add(r);
      this.rule(r);
    }
  }

  destroy() {
    this.listening.abort();
    this.marks?.main.clear();
    this.marks?.active.clear();
    if (this.registered) {
      this.registry.delete(this.style.name);
      this.registry.delete(this.style.active);
    }
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.styleEl?.remove();
  }
}
