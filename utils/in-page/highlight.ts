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

/** lib.dom declares the API, but older browsers (and test DOMs) lack it. */
export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof globalThis.Highlight === 'function';
}

/** Every painted mention, and the one the card is open on. */
interface Marks {
  main: Highlight;
  active: Highlight;
}

/** Names and rules for one page: same look to the reader, different text for the page to match. */
export function highlightStyle(random: () => number = cryptoRandom) {
  const name = randomIdent(random);
  let active = randomIdent(random);
  while (active === name) active = randomIdent(random);
  const jitter = (base: number, spread: number, digits = 2) => (base + (random() * 2 - 1) * spread).toFixed(digits);
  const hue = jitter(47, 4, 1);
  const css =
    `::highlight(${name}) { background-color: hsl(${hue} 100% 50% / ${jitter(0.28, 0.03)}); ` +
    `text-decoration: underline dotted hsl(${jitter(40, 3, 1)} 100% 31% / ${jitter(0.9, 0.05)}); text-underline-offset: ${jitter(2, 0.4, 1)}px; }\n` +
    `::highlight(${active}) { background-color: hsl(${jitter(40, 3, 1)} 100% 50% / ${jitter(0.55, 0.04)}); }\n` +
    // Forced colours: the reader's system colours, marked text for a name and the selection's for the
    // one the card is open on, as the spec keeps an author's system colours. Chromium (150) goes
    // further and paints every custom highlight in Highlight / HighlightText itself (modes.e2e.ts).
    `@media (forced-colors: active) { ::highlight(${name}) { background-color: Mark; color: MarkText; text-decoration-color: MarkText; } ` +
    `::highlight(${active}) { background-color: Highlight; color: HighlightText; text-decoration-color: HighlightText; } }\n`;
  return { name, active, css };
}

export class Highlighter {
  /** Null where the browser has no Custom Highlight API: then nothing is painted. */
  private readonly marks: Marks | null = null;
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  private readonly style = highlightStyle();
  private registered = false;
  /** When the sheet went in (performance.now()), 0 before: the page's next style pass is ours (the benchmark). */
  adoptedAt = 0;

  constructor(private readonly doc: Document) {
    if (!highlightSupported()) return;
    this.marks = { main: new Highlight(), active: new Highlight() };
  }

  private get registry(): HighlightRegistry {
    return CSS.highlights;
  }

  /**
   * Registering and adding a sheet happen only once there is something to paint: a page with no
   * mention sees no trace at all, and a sheet makes the browser recalculate the whole document's
   * style (about 60 ms on a 150,000-character page).
   */
  private install(marks: Marks) {
    if (this.registered) return;
    this.registered = true;
    this.adoptedAt = performance.now();
    // A page could squat on a name before us; drawing again keeps us from painting into its highlight.
    while (this.registry.has(this.style.name) || this.registry.has(this.style.active)) Object.assign(this.style, highlightStyle());
    this.registry.set(this.style.name, marks.main);
    this.registry.set(this.style.active, marks.active);
    // A constructed sheet is not a node: page scripts walking the DOM do not see it.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.style.css);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = this.style.css;
      (this.doc.head ?? this.doc.documentElement).append(style);
      this.styleEl = style;
    }
  }

  get size(): number {
    return this.marks?.main.size ?? 0;
  }

  add(r: Range) {
    if (!this.marks) return;
    this.install(this.marks);
    this.marks.main.add(r);
  }

  remove(r: Range) {
    this.marks?.main.delete(r);
    this.marks?.active.delete(r);
  }

  setActive(r: Range | null) {
    this.marks?.active.clear();
    if (r) this.marks?.active.add(r);
  }

  destroy() {
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
