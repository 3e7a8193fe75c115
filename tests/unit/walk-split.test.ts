import { describe, expect, it } from 'vitest';
import { splitBlock, type Block } from '@/utils/in-page/walk';
import { MAX_BLOCK_CHARS } from '@/utils/messaging/limits';

describe('splitting a giant block', () => {
  it('cuts at white space into pieces that still map to the original text nodes', () => {
    const words = Array.from({ length: 12_000 }, (_, i) => `word${i}${i % 17 === 0 ? '.' : ''}`).join(' ');
    // Three "text nodes" of uneven length, as a walk would join them.
    const cuts = [0, 5_000, 40_000];
    const nodes = cuts.map((c, i) => ({ id: i, data: words.slice(c, cuts[i + 1] ?? words.length) })) as unknown as Text[];
    const block: Block = { element: {} as Element, text: words, nodes, offsets: cuts };
    const pieces = splitBlock(block);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.text).join('')).toBe(words);
    let start = 0;
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
      if (start + p.text.length < words.length) expect(p.text.endsWith(' ')).toBe(true);
      // Every character of the piece is found in the node the offsets point to.
      for (const at of [0, p.text.length - 1]) {
        let k = p.offsets.length - 1;
        while ((p.offsets[k] ?? -Infinity) > at) k--;
        const offset = p.offsets[k];
        expect(offset, `no node holds offset ${at}`).toBeDefined();
        expect(p.nodes[k]?.data[at - (offset ?? 0)]).toBe(p.text[at]);
      }
      start += p.text.length;
    }
  });

  it('keeps every piece within the cap when a space or a full stop falls right at it', () => {
    const block = (text: string): Block => ({ element: {} as Element, text, nodes: [{ data: text } as unknown as Text], offsets: [0] });
    for (const tail of [' tail', '. tail', '.  tail', 'x tail', 'x. tail']) {
      for (const shift of [-2, -1, 0, 1, 2]) {
        const text = 'a'.repeat(MAX_BLOCK_CHARS + shift) + tail + ' more words'.repeat(50);
        const pieces = splitBlock(block(text));
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        for (const p of pieces) expect(p.text.length, JSON.stringify({ tail, shift })).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
      }
    }
  });
});
