import { afterEach, describe, expect, it, vi } from 'vitest';
import { cryptoRandom, randomIdent } from '@/utils/in-page/random-names';

afterEach(() => vi.restoreAllMocks());

describe('the per-page random names', () => {
  it('draw from the cryptographic source a pool at a time, not once per number', () => {
    const draw = vi.spyOn(crypto, 'getRandomValues');
    const values = Array.from({ length: 200 }, () => cryptoRandom());
    // 200 numbers: at most four pools of 64 (the first may be left over from an earlier draw).
    expect(draw.mock.calls.length).toBeLessThanOrEqual(4);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(190);
    expect(randomIdent()).toMatch(/^[a-z]{5,9}$/);
  });
});
