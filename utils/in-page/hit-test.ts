import type { Mention, MentionRegistry } from './mentions';

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
  if (!node || node.nodeType !== 3) return null;
  // Mentions past the highlight cap are counted but not shown, so they get no card either.
  for (const m of registry.atNode(node)) if (m.highlighted && inRects(m.range, x, y)) return m;
  return null;
}

/** The first mention inside an element (for keyboard focus landing on a link that names someone). */
export function mentionInside(registry: MentionRegistry, el: Element): Mention | null {
  let best: Mention | null = null;
  for (const m of registry.all) {
    if (m.highlighted && el.contains(m.nodes[0] ?? null) && (!best || m.range.compareBoundaryPoints(Range.START_TO_START, best.range) < 0)) best = m;
  }
  return best;
}

/** Anchor rectangle for the card: the first line box of the mention. */
export function anchorRect(m: Mention): DOMRect {
  return m.range.getClientRects()[0] ?? m.range.getBoundingClientRect();
}
