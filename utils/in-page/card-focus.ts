/**
 * Keyboard focus inside the card. The card's host sits at the end of the page's <html>, so without
 * this, Tab from its last control would leave for whatever follows the page (the browser's toolbar,
 * then the top of the page) and the reader would lose their place. A card entered from the keyboard
 * keeps Tab inside it, in its visual order, until Esc (or its close button) takes the reader back.
 */

const TABBABLE = 'a[href], button:not([disabled]), summary, input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab visits in the card, in order: those shown (a link inside a folded excerpt is not). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/**
 * Tab from the last control goes round to the first, Shift+Tab from the first (or from the card's
 * heading) to the last. Returns true when it moved focus itself; otherwise the browser's own order,
 * which inside the card is its visual order, applies.
 */
export function wrapTab(e: KeyboardEvent, root: ShadowRoot): boolean {
  const all = tabbables(root);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return false;
  const at = root.activeElement;
  const inList = at instanceof HTMLElement && all.includes(at);
  if (e.shiftKey && (at === first || !inList)) {
    last.focus();
    return true;
  }
  if (!e.shiftKey && at === last) {
    first.focus();
    return true;
  }
  return false;
}

/** The element that takes the reader back to a name inside a link or control, if it has one. */
export function focusableAround(node: Node | undefined): HTMLElement | null {
  const el = node?.parentElement?.closest<HTMLElement>(TABBABLE);
  return el && el.tabIndex >= 0 ? el : null;
}

/**
 * Keys the card answers while focus is in it: the reader's way through the names without leaving
 * the card. No modifiers, so that the browser's and the system's shortcuts stay theirs.
 */
export function stepKey(e: KeyboardEvent): 1 | -1 | 0 {
  if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return 0;
  const k = e.key.toLowerCase();
  if (k === 'n' || k === 'j') return 1;
  if (k === 'p' || k === 'k') return -1;
  return 0;
}

/**
 * The page's first control after (`dir` 1) or last before (-1) a range, in document order, that Tab
 * would visit: what the browser's own Tab would reach had the reader clicked on the name.
 */
export function tabbableBeside(range: Range, dir: 1 | -1, skip: (el: Element) => boolean): HTMLElement | null {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => (skip(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const edge = dir === 1 ? range.endContainer : range.startContainer;
  walker.currentNode = edge;
  const move = () => (dir === 1 ? walker.nextNode() : walker.previousNode());
  for (let n = move(); n; n = move()) {
    const el = n as HTMLElement;
    // Before the range going back: an element that contains the name (its paragraph) is not "before" it.
    if (dir === -1 && el.contains(edge)) continue;
    if (el.matches(TABBABLE) && el.tabIndex >= 0 && el.getClientRects().length > 0) return el;
  }
  return null;
}
