import type { Mention, MentionRegistry } from './mentions';
import { compareRangesComposed } from './composed-order';

function inRects(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  return false;
}

/**
 * The mention under a point. Highlights are not elements, so we ask for the caret position at the
 * point and look the text node up in the registry; the client-rect check rejects the nearest-caret
 * answer the browser gives when the pointer is beside the text.
 */
export function mentionAtPoint(registry: MentionRegistry, x: number, y: number): Mention | null {
  let node: Node | null = null;
  // lib.dom declares both, but Chromium before 128 has only the range form and Firefox only the position form.
  if (document.caretPositionFromPoint) node = document.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  else if (document.caretRangeFromPoint) node = document.caretRangeFromPoint(x, y)?.startContainer ?? null;
  if (node && node.nodeType === 3) {
    // Mentions past the highlight cap are counted but not shown, so they get no card either.
    for (const m of registry.atNode(node)) if (m.highlighted && inRects(m.range, x, y)) return m;
  }
  return mentionInShadowAt(registry, x, y);
}

/**
 * The caret answer stops at a shadow host (the browser retargets it to the light tree), so text in
 * an open shadow tree is found another way: the innermost element under the point, asking each
 * open shadow root in turn, then the mentions in that element's own text nodes.
 */
function mentionInShadowAt(registry: MentionRegistry, x: number, y: number): Mention | null {
  let el = document.elementFromPoint(x, y);
  let pierced = false;
  for (let root = el?.shadowRoot; el && root; root = el.shadowRoot) {
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
    pierced = true;
  }
  if (!el || !pierced) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 3) continue;
    for (const m of registry.atNode(n)) if (m.highlighted && inRects(m.range, x, y)) return m;
  }
  return null;
}

/** The first mention inside an element (for keyboard focus landing on a link that names someone). */
export function mentionInside(registry: MentionRegistry, el: Element): Mention | null {
  let best: Mention | null = null;
  for (const m of registry.all) {
    if (m.highlighted && el.contains(m.nodes[0] ?? null) && (!best || compareRangesComposed(m.range, best.range) < 0)) best = m;
  }
  return best;
}

/** Anchor rectangle for the card: the first line box of the mention. */
export function anchorRect(m: Mention): DOMRect {
  return m.range.getClientRects()[0] ?? m.range.getBoundingClientRect();
}
