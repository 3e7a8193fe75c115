/**
 * Document order across shadow trees. `Range.compareBoundaryPoints` throws for ranges in different
 * trees (a name in the page and one inside a web component), so keyboard stepping needs its own
 * order: a shadow tree's text comes where its host stands, before the host's following siblings.
 */

/** The node, then each shadow host enclosing it, innermost first. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root.nodeType === 11;) {
    const host = (root as ShadowRoot).host;
    if (!host) break;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain;
}

/**
 * Negative when point a comes before point b in composed document order, positive after, 0 same.
 * Points are in text nodes (a mention's start), which never contain one another.
 */
export function comparePointsComposed(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return aOffset - bOffset;
  const ca = hostChain(aNode);
  const cb = hostChain(bNode);
  // Lift both to the innermost tree they share (each chain ends in the document's tree).
  for (const x of ca) {
    const root = x.getRootNode();
    const y = cb.find((n) => n.getRootNode() === root);
    if (!y) continue;
    const pos = x.compareDocumentPosition(y);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
  return 0;
}

/** Sort comparator for ranges by their start, across shadow trees. */
export function compareRangesComposed(a: Range, b: Range): number {
  return comparePointsComposed(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}
