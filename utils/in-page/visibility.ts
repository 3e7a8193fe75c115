import { composedParent } from './walk';
/**
 * Whether the reader can actually see a mention. A page can plant names where nobody sees them
 * (off-screen, transparent, clipped to a pixel, in a 1-px font, under another element) and then
 * read `CSS.highlights` to learn which names the reader's packs contain; so a mention is counted,
 * painted and given a card only when it passes these checks. Text scrolled out of the viewport
 * but in the page's flow still counts: the reader can scroll to it.
 *
 * Only blocks that contain a match are judged, so the cost follows the matches, not the page.
 */

/** Below this many CSS pixels of line height text is not legible (the "1-px font" trick). */
export const MIN_TEXT_PX = 6;
/** Below this combined opacity the text is effectively invisible. */
export const MIN_OPACITY = 0.1;
/** A scroll container smaller than this is a peephole, not something a reader scrolls. */
const MIN_SCROLLER_PX = 8;

interface Clip {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface ChainVerdict {
  hidden: boolean;
  opacity: number;
  /** Intersection of the clipping boxes of the element and its ancestors, in viewport coordinates. */
  clip: Clip | null;
  fixed: boolean;
}

const NO_CLIP: ChainVerdict = { hidden: false, opacity: 1, clip: null, fixed: false };

function intersect(a: Clip | null, b: Clip): Clip {
  if (!a) return b;
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

function alpha(color: string): number {
  if (color === 'transparent') return 0;
  // Computed colours are rgb()/rgba() or, for newer syntaxes, `color(srgb r g b / a)`.
  const m = /\/\s*([\d.]+)(%?)\s*\)$/.exec(color) ?? /^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)(%?)\s*\)$/.exec(color);
  if (!m) return 1;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

function px(v: string): number {
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : 0;
}

/** `clip-path` shapes that leave nothing to see: `circle(0)`, `inset(50%)`, a polygon of one point. */
function clipPathBox(value: string, box: DOMRect): Clip | 'none' | null {
  if (value === 'none' || !value) return null;
  const [, insetArgs] = /^inset\(([^)]*)\)/.exec(value) ?? [];
  if (insetArgs !== undefined) {
    // split always yields at least one part, so the '' defaults are never used.
    const [offsets = ''] = insetArgs.split(/\s+round\s+/);
    const [t = '', r = t, b = t, l = r] = offsets.trim().split(/\s+/);
    const len = (v: string, size: number) => (v.endsWith('%') ? (parseFloat(v) / 100) * size : px(v));
    return {
      left: box.left + len(l, box.width),
      top: box.top + len(t, box.height),
      right: box.right - len(r, box.width),
      bottom: box.bottom - len(b, box.height),
    };
  }
  if (/^(circle|ellipse)\(\s*0(px|%)?[\s)]/.test(value)) return 'none';
  const [, points] = /^polygon\(([^)]*)\)/.exec(value) ?? [];
  if (points !== undefined && new Set(points.split(',').map((p) => p.trim())).size <= 1) return 'none';
  return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
}

/** `clip: rect(top, right, bottom, left)` on an absolutely positioned element. */
function clipRect(value: string, box: DOMRect): Clip | null {
  const [, args] = /^rect\(([^)]*)\)$/.exec(value) ?? [];
  if (args === undefined) return null;
  // A missing side reads as '' and so, like '0', as the origin.
  const [t = '', r = '', b = '', l = ''] = args.split(/[\s,]+/);
  const at = (v: string, auto: number, origin: number) => (v === 'auto' ? auto : origin + px(v));
  return { top: at(t, box.top, box.top), right: at(r, box.right, box.left), bottom: at(b, box.bottom, box.top), left: at(l, box.left, box.left) };
}

/**
 * What Range.getBoundingClientRect gives, from the range's client rects: the union of those that are not
 * empty (Chromium's rule; a zero box when all are).
 */
export function boundingBox(rects: ArrayLike<DOMRectReadOnly>): { left: number; top: number; right: number; bottom: number; width: number; height: number } {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (!(r.width > 0 && r.height > 0)) continue;
    left = Math.min(left, r.left);
    top = Math.min(top, r.top);
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  if (left === Infinity) return { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

export class VisibilityJudge {
  private chains = new Map<Element, ChainVerdict>();
  /** styleShows, per element holding mention text: several mentions often share one. */
  private styles = new Map<Element, boolean>();
  private viewportW = 0;
  private viewportH = 0;
  private maxX = Infinity;

  /** `ignore`: our own elements (the card) may cover a mention; that says nothing about the page. */
  constructor(
    private readonly doc: Document = document,
    private readonly ignore: (el: Element) => boolean = () => false,
  ) {}

  /** Whether the viewport and scroll width were read since the last reset. */
  private measured = false;

  /**
   * Styles and boxes change between scans: forget what was measured. The viewport is read again
   * only when a mention is judged: reading it forces the page's pending layout, which a scan that
   * found nothing (most pages) must not pay for.
   */
  reset() {
    this.chains.clear();
    this.styles.clear();
    this.measured = false;
  }

  private measure() {
    this.measured = true;
    const root = this.doc.documentElement;
    this.viewportW = root.clientWidth || innerWidth;
    this.viewportH = root.clientHeight || innerHeight;
    // Content right of the scrollable width (or of the viewport, when the page cannot scroll
    // sideways) is out of the reader's reach.
    const view = this.doc.defaultView!;
    const rootX = view.getComputedStyle(root).overflowX;
    const bodyX = this.doc.body ? view.getComputedStyle(this.doc.body).overflowX : 'visible';
    const noSideways = [rootX, bodyX].some((o) => o === 'hidden' || o === 'clip');
    this.maxX = noSideways ? this.viewportW : Math.max(root.scrollWidth, this.viewportW);
  }

  private chain(el: Element): ChainVerdict {
    const known = this.chains.get(el);
    if (known) return known;
    const root = this.doc.documentElement;
    // The root and body clip to the viewport, which the reader scrolls: they are judged in measure().
    // A shadow tree's top element inherits its host's chain, as it renders inside the host.
    const up = composedParent(el);
    if (el === root || el === this.doc.body || !up) {
      const above = up ? this.chain(up).opacity : 1;
      const v = { ...NO_CLIP, opacity: above * Number(this.doc.defaultView!.getComputedStyle(el).opacity) };
      this.chains.set(el, v);
      return v;
    }
    const parent = this.chain(up);
    let v: ChainVerdict;
    if (parent.hidden) v = parent;
    else {
      const cs = this.doc.defaultView!.getComputedStyle(el);
      let opacity = parent.opacity * Number(cs.opacity);
      const filter = /opacity\(([\d.]+)(%?)\)/.exec(cs.filter);
      if (filter) opacity *= filter[2] ? Number(filter[1]) / 100 : Number(filter[1]);
      let clip = parent.clip;
      let hidden = opacity < MIN_OPACITY;
      const fixed = parent.fixed || cs.position === 'fixed';
      if (!hidden) {
        const ox = cs.overflowX;
        const oy = cs.overflowY;
        const clipsX = ox === 'hidden' || ox === 'clip';
        const clipsY = oy === 'hidden' || oy === 'clip';
        const scrolls = ox === 'auto' || ox === 'scroll' || oy === 'auto' || oy === 'scroll';
        const needsBox = clipsX || clipsY || scrolls || cs.clipPath !== 'none' || (cs.clip !== 'auto' && cs.clip !== '');
        if (needsBox) {
          const box = el.getBoundingClientRect();
          if (clipsX || clipsY)
            clip = intersect(clip, {
              left: clipsX ? box.left : -Infinity,
              right: clipsX ? box.right : Infinity,
              top: clipsY ? box.top : -Infinity,
              bottom: clipsY ? box.bottom : Infinity,
            });
          else if (scrolls && (el.clientWidth < MIN_SCROLLER_PX || el.clientHeight < MIN_SCROLLER_PX)) clip = intersect(clip, box);
          const cp = clipPathBox(cs.clipPath, box);
          if (cp === 'none') hidden = true;
          else if (cp) clip = intersect(clip, cp);
          const cr = clipRect(cs.clip, box);
          if (cr) clip = intersect(clip, cr);
        }
      }
      v = { hidden, opacity, clip, fixed };
    }
    this.chains.set(el, v);
    return v;
  }

  /**
   * Whether `el`'s own style lets its text show: rendered and visible, its chain neither hidden nor too
   * transparent, its font legible. The same for every mention in the element: judged once per scan.
   */
  private styleShows(el: Element): boolean {
    const known = this.styles.get(el);
    if (known !== undefined) return known;
    const shows = this.judgeStyle(el);
    this.styles.set(el, shows);
    return shows;
  }

  private judgeStyle(parent: Element): boolean {
    const el = parent as Element & { checkVisibility?: (o?: object) => boolean };
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const chain = this.chain(parent);
    if (chain.hidden) return false;
    const cs = this.doc.defaultView!.getComputedStyle(parent);
    if (px(cs.fontSize) < MIN_TEXT_PX) return false;
    const fill = (cs as CSSStyleDeclaration & { webkitTextFillColor?: string }).webkitTextFillColor || cs.color;
    return alpha(fill) * chain.opacity >= MIN_OPACITY || this.clippedToText(parent);
  }

  /**
   * Everything but occlusion: rendered, opaque enough, not clipped away, legible, within the
   * document's reachable area. `rects`: the range's client rects, when the caller has them already.
   */
  rendered(range: Range, rects: DOMRectList = range.getClientRects()): boolean {
    if (!this.measured) this.measure();
    const parent = composedParent(range.startContainer);
    if (!parent || !this.styleShows(parent)) return false;
    const chain = this.chain(parent);
    const r = boundingBox(rects);
    // A transform can shrink text as well as a font size can.
    if (r.height < MIN_TEXT_PX || r.width < 2) return false;
    let { left, top, right, bottom } = r;
    if (chain.clip) ({ left, top, right, bottom } = intersect(chain.clip, { left, top, right, bottom }));
    if (right - left < 2 || bottom - top < Math.max(MIN_TEXT_PX, r.height / 2)) return false;
    if (chain.fixed) return right > 0 && bottom > 0 && left < this.viewportW && top < this.viewportH;
    // Above or left of the document's origin, or beyond its scrollable width: nobody can scroll there.
    const docLeft = left + scrollX;
    const docTop = top + scrollY;
    return docLeft + (right - left) > 0 && docTop + (bottom - top) > 0 && docLeft < this.maxX;
  }

  /** Gradient headings draw transparent text through `background-clip: text`: that text is visible. */
  private clippedToText(el: Element): boolean {
    for (let e: Element | null = el; e && e !== this.doc.body; e = e.parentElement) {
      const cs = this.doc.defaultView!.getComputedStyle(e) as CSSStyleDeclaration & { webkitBackgroundClip?: string };
      if (cs.backgroundClip === 'text' || cs.webkitBackgroundClip === 'text') return true;
    }
    return false;
  }

  /**
   * Nothing is drawn over the text. Hit-testing only answers inside the viewport, so text outside
   * it is given the benefit of the doubt (null).
   */
  uncovered(range: Range, rects: DOMRectList = range.getClientRects()): boolean | null {
    if (!this.measured) this.measure();
    const rect = rects[0];
    if (!rect) return false;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    if (x < 0 || y < 0 || x >= this.viewportW || y >= this.viewportH) return null;
    // The document answers with the host for text in a shadow tree: ask the text's own tree.
    const tree = range.startContainer.getRootNode();
    const hit = (tree.nodeType === 11 ? (tree as ShadowRoot) : this.doc).elementFromPoint(x, y);
    const parent = composedParent(range.startContainer);
    if (!hit || !parent) return false;
    if (this.ignore(hit)) return null;
    // The text's own element (or an inline inside it), or an ancestor when the text itself ignores
    // the pointer (`pointer-events: none`): in both cases nothing else is on top.
    return hit === parent || parent.contains(hit) || hit.contains(parent);
  }

  /** The reader can see this range. */
  visible(range: Range): boolean {
    // One read of the range's boxes for both checks: each read is a call into the page's layout.
    const rects = range.getClientRects();
    return this.rendered(range, rects) && this.uncovered(range, rects) !== false;
  }
}
