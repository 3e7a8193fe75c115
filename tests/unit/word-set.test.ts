import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordSet } from '../../utils/match/word-set';

describe('WordSet', () => {
  it('lists the distinct hashes in order of first appearance, as a Set does', () => {
    // Few distinct values (so repeats are common), 0 and the top of the range included, and enough to make it grow.
    const hash = fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0x80000000), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 50 }));
    fc.assert(
      fc.property(fc.array(fc.array(hash, { maxLength: 6000 }), { maxLength: 4 }), (chunks) => {
        const words = new WordSet();
        const set = new Set<number>();
        for (const chunk of chunks) {
          const arr = Uint32Array.from([7, ...chunk, 9]);
          words.addRange(arr, 1, arr.length - 1);
          for (const h of chunk) set.add(h);
        }
        expect(words.list).toEqual([...set]);
      }),
      { numRuns: 60 },
    );
  });
});
