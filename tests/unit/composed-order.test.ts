// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compareRangesComposed } from '@/utils/in-page/composed-order';

function rangeAt(node: Node, offset = 0): Range {
  const r = document.createRange();
  r.setStart(node, offset);
  r.setEnd(node, offset);
  return r;
}

/** A page with text before, inside (two shadow levels) and after a web component. */
function page() {
  document.body.innerHTML = '<p id="a">before</p><x-post id="host"><span id="light">slotted</span></x-post><p id="z">after</p>';
  const host = document.getElementById('host')!;
  const s1 = host.attachShadow({ mode: 'open' });
  s1.innerHTML = '<p id="s1a">first</p><x-inner id="inner"></x-inner><p id="s1z">last</p>';
  const s2 = s1.getElementById('inner')!.attachShadow({ mode: 'open' });
  s2.innerHTML = '<p id="deep">deep</p>';
  const text = (root: Document | ShadowRoot, id: string) => root.getElementById(id)!.firstChild!;
  return {
    before: text(document, 'a'),
    light: text(document, 'light'),
    after: text(document, 'z'),
    first: text(s1, 's1a'),
    deep: text(s2, 'deep'),
    last: text(s1, 's1z'),
  };
}

describe('composed document order', () => {
  it('orders names across shadow trees (a browser throws comparing ranges of different trees)', () => {
    const t = page();
    const ranges = [t.after, t.deep, t.last, t.light, t.first, t.before].map((n) => ({ n, r: rangeAt(n) }));
    const sorted = ranges.sort((x, y) => compareRangesComposed(x.r, y.r)).map((x) => x.n.textContent);
    // A host's shadow text stands at the host, before its light children and its following siblings.
    expect(sorted).toEqual(['before', 'first', 'deep', 'last', 'slotted', 'after']);
  });

  it('orders by offset inside one text node, and is antisymmetric', () => {
    const t = page();
    expect(compareRangesComposed(rangeAt(t.first, 1), rangeAt(t.first, 3))).toBeLessThan(0);
    expect(compareRangesComposed(rangeAt(t.first, 3), rangeAt(t.first, 1))).toBeGreaterThan(0);
    expect(compareRangesComposed(rangeAt(t.deep), rangeAt(t.after))).toBeLessThan(0);
    expect(compareRangesComposed(rangeAt(t.after), rangeAt(t.deep))).toBeGreaterThan(0);
    expect(compareRangesComposed(rangeAt(t.before, 2), rangeAt(t.before, 2))).toBe(0);
  });
});
