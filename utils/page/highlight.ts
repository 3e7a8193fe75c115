/**
 * Paint mentions with the CSS Custom Highlight API: no element is added around the text, so the
 * page's DOM, layout and frameworks are untouched. The `::highlight()` rule has to live in a
 * document-level sheet (shadow-root styles do not reach light-DOM ranges).
 */
export const HIGHLIGHT = 'backstory-mention';
export const HIGHLIGHT_ACTIVE = 'backstory-mention-active';

const CSS_TEXT = `
::highlight(${HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.28); text-decoration: underline dotted rgba(160, 110, 0, 0.9); text-underline-offset: 2px; }
::highlight(${HIGHLIGHT_ACTIVE}) { background-color: rgba(255, 170, 0, 0.55); }
`;

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
interface HighlightLike {
  add(r: Range): void;
  delete(r: Range): void;
  clear(): void;
  size: number;
}

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function';
}

export class Highlighter {
  private readonly main: HighlightLike | null = null;
  private readonly active: HighlightLike | null = null;
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document) {
    if (!highlightSupported()) return;
    const H = (globalThis as unknown as { Highlight: new () => HighlightLike }).Highlight;
    this.main = new H();
    this.active = new H();
    const reg = (CSS as unknown as { highlights: HighlightRegistry }).highlights;
    reg.set(HIGHLIGHT, this.main);
    reg.set(HIGHLIGHT_ACTIVE, this.active);
  }

  /**
   * Adding a sheet makes the browser recalculate the whole document's style (about 60 ms on a
   * 150,000-character page): do it only once there is something to paint.
   */
  private installStyle() {
    if (this.sheet || this.styleEl) return;
    // A constructed sheet is not a node: page scripts walking the DOM do not see it.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      const style = this.doc.createElement('style');
      style.textContent = CSS_TEXT;
      (this.doc.head ?? this.doc.documentElement).append(style);
      this.styleEl = style;
    }
  }

  get size(): number {
    return this.main?.size ?? 0;
  }

  add(r: Range) {
    if (!this.main) return;
    this.installStyle();
    this.main.add(r);
  }

  remove(r: Range) {
    this.main?.delete(r);
    this.active?.delete(r);
  }

  setActive(r: Range | null) {
    this.active?.clear();
    if (r) this.active?.add(r);
  }

  destroy() {
    this.main?.clear();
    this.active?.clear();
    if (highlightSupported()) {
      const reg = (CSS as unknown as { highlights: HighlightRegistry }).highlights;
      reg.delete(HIGHLIGHT);
      reg.delete(HIGHLIGHT_ACTIVE);
    }
    if (this.sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.styleEl?.remove();
  }
}
