// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { elementSelector, paintingElement, siblingIndex } from '@/utils/in-page/paint-selectors';

/** The elements `sel` matches in `doc`. */
const matched = (sel: string) => [...document.querySelectorAll(sel)];

describe('selectors for the elements that paint a highlight', () => {
  it('name exactly the element, from the root, when no ancestor has an id', () => {
    document.body.innerHTML = '<div><p>one</p><p>two <b>x</b></p></div><div><p>three</p><p>four</p></div>';
    const target = document.querySelectorAll('p')[3]!;
    const sel = elementSelector(target, document, siblingIndex());
    expect(sel).toBe(':root>body:nth-child(2)>div:nth-child(2)>p:nth-child(2)');
    expect(matched(sel)).toEqual([target]);
  });

  it('stop at the nearest ancestor the document finds by its id', () => {
    document.body.innerHTML = '<main id="page"><section><div id="dup"><ul><li>a</li><li>b</li></ul></div></section><p id="dup"></p></main>';
    const li = document.querySelectorAll('li')[1]!;
    expect(elementSelector(li, document, siblingIndex())).toBe('#dup>ul:nth-child(1)>li:nth-child(2)');
    // A later element with the same id is not the one getElementById finds: the path goes on up.
    document.body.innerHTML = '<main id="page"><p id="dup"></p><section><div id="dup"><ul><li>a</li><li>b</li></ul></div></section></main>';
    const other = document.querySelectorAll('li')[1]!;
    const sel = elementSelector(other, document, siblingIndex());
    expect(sel).toBe('#page>section:nth-child(2)>div:nth-child(1)>ul:nth-child(1)>li:nth-child(2)');
    expect(matched(sel)).toEqual([other]);
  });

  it('escape ids and tags that are not plain identifiers', () => {
    document.body.innerHTML = '<div id="a.b"><my-item>x</my-item><my-item>y</my-item></div>';
    const item = document.querySelectorAll('my-item')[1]!;
    const sel = elementSelector(item, document, siblingIndex());
    expect(sel).toBe('#a\\.b>my-item:nth-child(2)');
    expect(matched(sel)).toEqual([item]);
  });

  it('count positions once per parent, right for every child of a long list', () => {
    document.body.innerHTML = `<ol>${'<li>n</li>'.repeat(300)}</ol>`;
    const siblings = siblingIndex();
    const items = [...document.querySelectorAll('li')];
    for (const i of [0, 1, 150, 299]) expect(matched(elementSelector(items[i]!, document, siblings))).toEqual([items[i]]);
  });

  it('paint with the element holding the whole range, or the outermost shadow host', () => {
    document.body.innerHTML = '<p id="p">Clear<b>view</b> AI</p><x-outer></x-outer>';
    const p = document.getElementById('p')!;
    const across = document.createRange();
    across.setStart(p.firstChild!, 0);
    across.setEnd(p.lastChild!, 3);
    expect(paintingElement(across)).toBe(p);
    const inside = document.createRange();
    inside.selectNodeContents(p.querySelector('b')!.firstChild!);
    expect(paintingElement(inside)).toBe(p.querySelector('b'));

    const outer = document.querySelector('x-outer')!;
    const shadow = outer.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<x-inner></x-inner>';
    const inner = shadow.querySelector('x-inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<span>Clearview AI</span>';
    const deep = document.createRange();
    deep.selectNodeContents(inner.querySelector('span')!.firstChild!);
    expect(paintingElement(deep)).toBe(outer);
    // Text right under a shadow root (no parent element), and a range across two of its children.
    inner.innerHTML = 'Clearview AI <b>and</b> PimEyes';
    const bare = document.createRange();
    bare.selectNodeContents(inner.firstChild!);
    expect(paintingElement(bare)).toBe(outer);
    const both = document.createRange();
    both.setStart(inner.firstChild!, 0);
    both.setEnd(inner.lastChild!, 3);
    expect(both.commonAncestorContainer).toBe(inner);
    expect(paintingElement(both)).toBe(outer);
  });
});
