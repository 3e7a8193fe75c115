import { describe, expect, it } from 'vitest';
import { MAX_UNITS_PER_CHECK, Pacer, nextEstimate, unitsBeforeCheck } from '@/utils/in-page/pacer';
import { SLICE_MS } from '@/utils/in-page/schedule';

describe('when a sliced loop reads the clock', () => {
  it('plans the units that fit in a quarter of the time left, at least one and at most the cap', () => {
    expect(unitsBeforeCheck(6, 0.01)).toBe(150);
    expect(unitsBeforeCheck(6, 0.04)).toBe(37);
    expect(unitsBeforeCheck(6, 10)).toBe(1);
    expect(unitsBeforeCheck(6, 1e-9)).toBe(MAX_UNITS_PER_CHECK);
    // Cheaper than the clock can tell.
    expect(unitsBeforeCheck(6, 0)).toBe(MAX_UNITS_PER_CHECK);
    expect(unitsBeforeCheck(6, 0, 256)).toBe(256);
  });

  it('reads it after one unit while it knows nothing, or when no time is left', () => {
    expect(unitsBeforeCheck(6, -1)).toBe(1);
    expect(unitsBeforeCheck(0, 0.01)).toBe(1);
    expect(unitsBeforeCheck(-3, 0.01)).toBe(1);
  });

  it('takes a slower measurement at once and a faster one by half', () => {
    expect(nextEstimate(-1, 2)).toBe(2);
    expect(nextEstimate(0, 2)).toBe(2);
    expect(nextEstimate(1, 4)).toBe(4);
    expect(nextEstimate(4, 1)).toBe(2.5);
  });
});

/** A clock that moves only when the work says so. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('a pacer', () => {
  it('ends each slice within the budget plus one unit when the work turns four times slower', () => {
    const clock = fakeClock();
    const pacer = new Pacer(SLICE_MS, clock.now);
    const slices: number[] = [];
    let unit = 0;
    // 2,000 cheap units (0.25 ms), then the CPU is four times slower (1 ms a unit).
    const cost = (i: number) => (i < 2000 ? 0.25 : 1);
    while (unit < 4000) {
      const start = pacer.begin();
      while (unit < 4000) {
        clock.advance(cost(unit++));
        if (pacer.spend()) break;
      }
      slices.push(clock.now() - start);
    }
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_MS + 1);
    // The slices stay full: the clock is not read so often that each slice does one unit.
    expect(slices.length).toBeLessThan(2000 / 4 + 2000 / 3);
  });

  it('reads the clock at least every `maxUnits` units, however cheap they seemed', () => {
    let reads = 0;
    const pacer = new Pacer(6, () => (reads++, 0), 256);
    pacer.begin();
    // A clock that never moves: the units look free, and only the cap brings the next reading.
    for (let i = 0; i < 256 * 10; i++) pacer.spend();
    expect(reads).toBeGreaterThanOrEqual(10);
    expect(reads).toBeLessThanOrEqual(12);
  });

  it('says a piece of work will not fit once the slice has spent its time', () => {
    const clock = fakeClock();
    const pacer = new Pacer(6, clock.now);
    pacer.begin();
    // Nothing measured yet, nothing done: the first piece always goes.
    expect(pacer.fits(1_000_000)).toBe(true);
    clock.advance(1);
    pacer.spend(100); // 0.01 ms a unit
    expect(pacer.fits(400)).toBe(true); // 1 + 4 ms ≤ 6
    expect(pacer.fits(600)).toBe(false); // 1 + 6 ms > 6
  });
});
