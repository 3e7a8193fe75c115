/**
 * The reader's selection, offered as the quote of a note. A page can change the selection just
 * before the reader's click reaches us (its own capture listeners run first), so the quote is made
 * only of the selected text the reader can see: hidden text a page slips into the selection never
 * reaches the reader's notes. What is left is shown in the side panel, unticked, for the reader to
 * accept or not.
 */

/** Text nodes read at most: a selection spanning a whole long page is not a quote anyway. */
const MAX_NODES = 400;
export const MAX_QUOTE = 2000;

export interface QuoteJudge {
  rendered(range: Range): boolean;
}

export function visibleQuote(selection: Range | null, judge: QuoteJudge): string {
  if (!selection || selection.collapsed) return '';
  const root = selection.commonAncestorContainer;
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let lastParent: Element | null = null;
  let node: Node | null = root.nodeType === Node.TEXT_NODE ? root : walker.nextNode();
  for (let seen = 0; node && seen < MAX_NODES; node = root.nodeType === Node.TEXT_NODE ? null : walker.nextNode()) {
    if (!selection.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === selection.startContainer ? selection.startOffset : 0;
    const end = node === selection.endContainer ? selection.endOffset : text.data.length;
    const piece = text.data.slice(start, end);
    if (!piece.trim()) continue;
    seen++;
    const part = doc.createRange();
    part.setStart(text, start);
    part.setEnd(text, end);
    if (!judge.rendered(part)) continue;
    // Text of another element may be another line or paragraph: keep the words apart.
    if (lastParent && text.parentElement !== lastParent) parts.push(' ');
    parts.push(piece);
    lastParent = text.parentElement;
  }
  return parts.join('').replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE);
}
