/**
 * Selectors for the elements a highlight rule has to reach, so that the rule need not match every
 * element. A `::highlight()` rule that matches every element (`::highlight(x)`, or `:root::highlight(x)`
 * inherited down) makes Chromium recompute the highlight style of the whole document when the sheet
 * goes in: 60–290 ms at 4× CPU slowdown on the corpus's bigger pages. A rule on the few elements that
 * hold the painted text costs about what any new sheet costs (a fifth to a tenth of that).
 *
 * A range is painted with the highlight style of its text's parent element, which Chromium's highlight
 * inheritance (custom highlights since Chromium 102) passes down from any ancestor, through shadow
 * roots too. So the rule names the element that holds the whole range, or for text in a shadow tree,
 * the outermost shadow host (a document's sheet matches only elements of the document's own tree).
 */

/** The element in the document's own tree whose highlight style paints `r` (directly or inherited). */
export function paintingElement(r: Range): Element | null {
  const common = r.commonAncestorContainer;
  let el: Element | null = common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
  // From the range's own node: text right under a shadow root has no parent element.
  for (let root: Node & { host?: Element } = common.getRootNode(); root.host; root = root.host.getRootNode()) el = root.host;
  return el;
}

/**
 * Each element's position among its siblings, counted once per parent: the rule for each of a long
 * feed's items would otherwise walk back over all the items before it. Good while the page does not change.
 */
export function siblingIndex(): (el: Element) => number {
  const index = new Map<Element, number>();
  return (el) => {
    if (!index.has(el)) {
      let i = 0;
      for (let c = el.parentElement?.firstElementChild; c; c = c.nextElementSibling) index.set(c, ++i);
    }
    return index.get(el) ?? 1;
  };
}

/**
 * A selector that matches `el`: child steps of tag and position up from `el`, to the nearest
 * ancestor with an id of its own in the document (changes above it do not move the path), or to the
 * root. It stays right until the page moves `el` or what is before it; `Highlighter.recheck` then
 * writes a new one. Every step keeps its tag, so the browser files the rule under that tag and
 * tries it only on such elements.
 */
export function elementSelector(el: Element, doc: Document, position: (el: Element) => number): string {
  const steps: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.id && doc.getElementById(e.id) === e) {
      steps.push(`#${CSS.escape(e.id)}`);
      break;
    }
    if (e === doc.documentElement) {
      steps.push(':root');
      break;
    }
    steps.push(`${CSS.escape(e.localName)}:nth-child(${position(e)})`);
  }
  return steps.reverse().join('>');
}
