// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MentionRegistry, rangeFor, type Mention } from '@/utils/in-page/mentions';
import { TextWalker, type Block } from '@/utils/in-page/walk';

/** The blocks of the body's three paragraphs (see beforeEach), as the scanner's walk joins them. */
function blocksOf(): [Block, Block, Block] {
  const walker = new TextWalker(document.body);
  expect(walker.step(1_000)).toBe(true);
  const [p1, p2, p3, ...rest] = walker.blocks;
  if (!p1 || !p2 || !p3 || rest.length) throw new Error(`expected three blocks, got ${walker.blocks.length}`);
  return [p1, p2, p3];
}

/** Text node i of a block or mention, failing the test if it has fewer. */
function nodeOf(owner: { nodes: Text[] }, i: number): Text {
  const node = owner.nodes[i];
  if (!node) throw new Error(`no text node ${i} among ${owner.nodes.length}`);
  return node;
}

/** A mention of `entity` over the first occurrence of `text` in a block. */
function mention(block: Block, text: string, opts: { highlighted?: boolean; entity?: string } = {}): Mention {
  const start = block.text.indexOf(text);
  expect(start).toBeGreaterThanOrEqual(0);
  const { range, nodes } = rangeFor(block, start, start + text.length);
  return { entity: opts.entity ?? text, range, block: block.element, nodes, weak: false, highlighted: opts.highlighted ?? true };
}

const entities = (list: Mention[]) => list.map((m) => m.entity);

/** The same objects in the same order: toEqual would compare DOM nodes by structure (isEqualNode), not identity. */
function expectSame(actual: readonly unknown[], expected: readonly unknown[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, i) => expect(x).toBe(expected[i]));
}

beforeEach(() => {
  document.body.innerHTML = [
    '<p id="p1">Clearview <b>AI</b> sold to <i>Meta</i> Platforms</p>',
    '<p id="p2">Palantir and Open<b>AI</b></p>',
    '<p id="p3">Oracle</p>',
  ].join('');
});

describe('rangeFor', () => {
  it('maps every span of a block joined across several text nodes back to the same text', () => {
    const [block] = blocksOf();
    expect(block.text).toBe('Clearview AI sold to Meta Platforms');
    expect(block.nodes.length).toBe(5);
    for (let start = 0; start < block.text.length; start++) {
      for (let end = start + 1; end <= block.text.length; end++) {
        expect(rangeFor(block, start, end).range.toString()).toBe(block.text.slice(start, end));
      }
    }
  });

  it('starts a span at a node boundary in the next node, ends it there in the previous one', () => {
    const [block] = blocksOf();
    const [clearview, ai, soldTo] = block.nodes;
    // "AI" starts where the "AI" node starts: the range starts in that node, not at the end of "Clearview ".
    const a = rangeFor(block, 10, 12);
    expectSame([a.range.startContainer, a.range.startOffset, a.range.endContainer, a.range.endOffset], [ai, 0, ai, 2]);
    expectSame(a.nodes, [ai]);
    // "Clearview AI" ends where " sold to " starts: the range ends in "AI", and " sold to " is not one of its nodes.
    const b = rangeFor(block, 0, 12);
    expectSame([b.range.startContainer, b.range.startOffset, b.range.endContainer, b.range.endOffset], [clearview, 0, ai, 2]);
    expectSame(b.nodes, [clearview, ai]);
    // A span inside one node: offsets relative to that node.
    const c = rangeFor(block, 13, 17);
    expectSame([c.range.startContainer, c.range.startOffset, c.range.endOffset], [soldTo, 1, 5]);
    expect(c.range.toString()).toBe('sold');
  });

  it('lists every node a span crosses', () => {
    const [block] = blocksOf();
    const { range, nodes } = rangeFor(block, 0, block.text.length);
    expectSame(nodes, block.nodes);
    expect(range.toString()).toBe(block.text);
  });
});

describe('MentionRegistry', () => {
  let registry: MentionRegistry;
  let b1: Block;
  let b2: Block;
  let b3: Block;
  beforeEach(() => {
    registry = new MentionRegistry();
    [b1, b2, b3] = blocksOf();
  });

  it('finds a mention from each of its text nodes, and from no other', () => {
    const clearview = mention(b1, 'Clearview AI');
    const ai = mention(b1, 'AI', { entity: 'ai' });
    registry.add(clearview);
    registry.add(ai);
    expectSame(registry.atNode(nodeOf(b1, 0)), [clearview]);
    expectSame(registry.atNode(nodeOf(b1, 1)), [clearview, ai]);
    expect(registry.atNode(nodeOf(b1, 2))).toHaveLength(0);
    expect(registry.all.size).toBe(2);
  });

  it('takes the mentions of one block and leaves the others', () => {
    const clearview = mention(b1, 'Clearview AI');
    const meta = mention(b1, 'Meta Platforms');
    const palantir = mention(b2, 'Palantir');
    for (const m of [clearview, palantir, meta]) registry.add(m);

    expectSame(registry.takeBlock(b1.element), [clearview, meta]);
    expectSame([...registry.all], [palantir]);
    for (const n of b1.nodes) expect(registry.atNode(n)).toHaveLength(0);
    expectSame(registry.atNode(nodeOf(b2, 0)), [palantir]);
    // Nothing left to take: the block's index is gone too.
    expect(registry.takeBlock(b1.element)).toHaveLength(0);
    expect(registry.takeBlock(b3.element)).toHaveLength(0);
  });

  it('sweeps mentions any of whose text nodes left the document', () => {
    const palantir = mention(b2, 'Palantir');
    const openai = mention(b2, 'OpenAI');
    const oracle = mention(b3, 'Oracle');
    for (const m of [palantir, openai, oracle]) registry.add(m);
    expect(registry.sweepDisconnected()).toHaveLength(0);

    // Only "AI" goes: "OpenAI" loses the last of its two nodes; "Palantir", on the first, stays.
    document.querySelector('#p2 b')!.remove();
    expectSame(registry.sweepDisconnected(), [openai]);
    expectSame([...registry.all], [palantir, oracle]);
    expectSame(registry.atNode(nodeOf(openai, 0)), [palantir]);
    expectSame(registry.takeBlock(b2.element), [palantir]);

    document.getElementById('p3')!.remove();
    expectSame(registry.sweepDisconnected(), [oracle]);
    expect(registry.all.size).toBe(0);
  });

  it('clears everything and returns what it held', () => {
    const clearview = mention(b1, 'Clearview AI');
    const oracle = mention(b3, 'Oracle');
    registry.add(clearview);
    registry.add(oracle);
    expectSame(registry.clear(), [clearview, oracle]);
    expect(registry.all.size).toBe(0);
    expect(registry.atNode(nodeOf(b1, 0))).toHaveLength(0);
    expect(registry.takeBlock(b3.element)).toHaveLength(0);
  });

  it('orders the highlighted mentions by their place in the document, leaving out the others', () => {
    const oracle = mention(b3, 'Oracle');
    const meta = mention(b1, 'Meta');
    const palantir = mention(b2, 'Palantir', { highlighted: false });
    const openai = mention(b2, 'OpenAI');
    const clearview = mention(b1, 'Clearview');
    const ai = mention(b1, 'AI', { highlighted: false });
    for (const m of [oracle, meta, palantir, openai, clearview, ai]) registry.add(m);
    expect(entities(registry.ordered())).toEqual(['Clearview', 'Meta', 'OpenAI', 'Oracle']);
  });
});
