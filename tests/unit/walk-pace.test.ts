// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TextWalker } from '@/utils/in-page/walk';
import { SLICE_MS } from '@/utils/in-page/schedule';

describe('the text walk on a slow CPU', () => {
  it('ends each step within the budget plus one node, where checking every 256th node ran 128 elements over', () => {
    document.body.innerHTML = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} names <b>Clearview</b> AI.</p>`).join('');
    let t = 0;
    // Every element visited costs 0.5 ms (a ×4 CPU on a heavy page); the walk's own clock is this one.
    const slow = new TextWalker(document.body, { now: () => t, exclude: () => ((t += 0.5), false) });
    const steps: number[] = [];
    for (let done = false; !done;) {
      const start = t;
      done = slow.step(SLICE_MS);
      steps.push(t - start);
    }
    expect(Math.max(...steps)).toBeLessThanOrEqual(SLICE_MS + 0.5);
    // Same blocks as a walk in one go.
    const fast = new TextWalker(document.body);
    expect(fast.step(1e9)).toBe(true);
    expect(slow.blocks.map((b) => b.text)).toEqual(fast.blocks.map((b) => b.text));
    expect(slow.blocks.length).toBe(3000);
  });
});
