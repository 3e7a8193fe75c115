// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { TextWalker, textNodesOf, type Block } from '@/utils/in-page/walk';
import { rangeFor } from '@/utils/in-page/mentions';
import { MAX_BLOCK_CHARS } from '@/utils/messaging/limits';

function blocks(): Block[] {
  const w = new TextWalker(document.body);
  expect(w.step(1_000)).toBe(true);
  return w.blocks;
}

const kinds = (b: Block) => b.nodes.map((n) => (n.nodeType === 3 ? '#text' : (n as Element).tagName));

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('reading elements whole', () => {
  it('reads a paragraph of inline text as one element, with no text node of its own', () => {
    document.body.innerHTML = '<div>\n  <p id="p">Clearview <b>AI</b> sold to <a href="#">Meta <i>Platforms</i></a></p>\n</div>';
    const [b, ...rest] = blocks();
    expect(rest).toHaveLength(0);
    expect(b!.text).toBe('Clearview AI sold to Meta Platforms');
    expect(kinds(b!)).toEqual(['P']);
    expect(b!.element.id).toBe('p');
  });

  it('walks node by node where something inside breaks the block, is skipped or may host a shadow root', () => {
    document.body.innerHTML = [
      '<p id="br">one<br>two</p>',
      '<p id="code">see <code>Clearview</code> here</p>',
      '<p id="hidden">shown <b hidden>gone</b> end</p>',
      '<p id="span">a <span>b</span> <b>c</b></p>',
      '<p id="custom">x <my-tag>y</my-tag></p>',
    ].join('');
    const got = blocks().map((b) => [b.element.id, b.text, kinds(b).join(' ')]);
    expect(got).toEqual([
      ['br', 'one', '#text'],
      ['br', 'two', '#text'],
      ['code', 'see  here', '#text #text'],
      ['hidden', 'shown  end', '#text #text'],
      // An inline element with no element inside is read whole; a span too, once its shadow root is checked.
      ['span', 'a b c', '#text SPAN #text B'],
      ['custom', 'x ', '#text'],
      // The custom element is a block of its own, read whole.
      ['', 'y', 'MY-TAG'],
    ]);
  });

  it('still finds an open shadow root on a span inside a paragraph', () => {
    document.body.innerHTML = '<p>Before <span id="host">light</span> after</p>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>Shadow text</b>';
    const w = new TextWalker(document.body);
    expect(w.step(1_000)).toBe(true);
    expect(w.blocks.map((b) => b.text)).toEqual(['Before light after', 'Shadow text']);
    expect(w.shadowRoots).toEqual([host.shadowRoot]);
  });
});

describe('textNodesOf', () => {
  it('finds the text nodes of an element read whole, with their offsets, and ranges over them', () => {
    document.body.innerHTML = '<p>Clearview <b>AI</b><!-- note --> sold to <i>Meta</i></p>';
    const [b] = blocks();
    const found = textNodesOf(b!);
    expect(found?.nodes.map((n) => n.data)).toEqual(['Clearview ', 'AI', ' sold to ', 'Meta']);
    expect(found?.offsets).toEqual([0, 10, 12, 21]);
    expect(kinds(b!)).toEqual(['#text', '#text', '#text', '#text']);
    for (let start = 0; start < b!.text.length; start++)
      for (let end = start + 1; end <= b!.text.length; end++) expect(rangeFor(b!, start, end)?.range.toString()).toBe(b!.text.slice(start, end));
  });

  it('says null, not a wrong range, when the page changed the text since the walk', () => {
    document.body.innerHTML = '<p id="p">Clearview <b>AI</b> is here</p><p id="q">Palantir <b>again</b></p>';
    const [p, q] = blocks();
    document.querySelector('#p b')!.textContent = 'Inc';
    expect(rangeFor(p!, 0, 12)).toBeNull();
    // A node added inside: the old text no longer lines up either.
    document.querySelector('#q b')!.before(document.createTextNode('X'));
    expect(textNodesOf(q!)).toBeNull();
  });

  it('maps each piece of a giant paragraph read whole back to its own text nodes', () => {
    const words = Array.from({ length: 6_000 }, (_, i) => `word${i}`).join(' ');
    const third = Math.floor(words.length / 3);
    document.body.innerHTML = `<p>${words.slice(0, third)}<b>${words.slice(third, 2 * third)}</b>${words.slice(2 * third)}</p>`;
    const pieces = blocks();
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((b) => b.text).join('')).toBe(words);
    expect(pieces.every((b) => kinds(b).join() === 'P')).toBe(true);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
      const last = piece.text.length - 1;
      expect(rangeFor(piece, 0, 4)?.range.toString()).toBe(piece.text.slice(0, 4));
      expect(rangeFor(piece, last - 3, last + 1)?.range.toString()).toBe(piece.text.slice(last - 3));
    }
  });
});
