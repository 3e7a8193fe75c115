import { describe, expect, it } from 'vitest';
import { placeOf, stepTarget as step, type Place } from '../../utils/in-page/mention-step';

const stepTarget = (places: Place[], current: number, dir: 1 | -1) => step(places.length, current, dir, (i) => places[i] ?? 'below');

describe('stepping through highlighted names', () => {
  const inView: Place[] = ['in', 'in', 'in'];

  it('moves from the current name to the next or previous one, wrapping round', () => {
    expect(stepTarget(inView, 0, 1)).toBe(1);
    expect(stepTarget(inView, 2, 1)).toBe(0);
    expect(stepTarget(inView, 1, -1)).toBe(0);
    expect(stepTarget(inView, 0, -1)).toBe(2);
  });

  it('starts from what the reader is looking at when on no name', () => {
    const places: Place[] = ['above', 'above', 'in', 'in', 'below'];
    expect(stepTarget(places, -1, 1)).toBe(2);
    expect(stepTarget(places, -1, -1)).toBe(3);
  });

  it('starts from the window again once the reader scrolled away from the current name', () => {
    const places: Place[] = ['above', 'in', 'below', 'below'];
    // The reader was on the first name, now above the window: the next is the first one in view, not the second.
    expect(stepTarget(places, 0, 1)).toBe(1);
    expect(stepTarget(['in', 'below', 'below'], 2, -1)).toBe(0);
  });

  it('goes forward to the first name below the window when none is in it, and wraps when all are above', () => {
    expect(stepTarget(['above', 'below', 'below'], -1, 1)).toBe(1);
    expect(stepTarget(['above', 'above'], -1, 1)).toBe(0);
    expect(stepTarget(['above', 'below', 'below'], -1, -1)).toBe(0);
    expect(stepTarget(['below', 'below'], -1, -1)).toBe(1);
  });

  it('lays out only the current name when it is in view', () => {
    const asked: number[] = [];
    expect(step(1000, 500, 1, (i) => (asked.push(i), 'in'))).toBe(501);
    expect(asked).toEqual([500]);
  });

  it('has nowhere to go on a page without names', () => {
    expect(stepTarget([], -1, 1)).toBe(-1);
    expect(stepTarget([], 3, -1)).toBe(-1);
  });

  it('places a rectangle above, in or below the window', () => {
    expect(placeOf({ top: -40, bottom: -20 }, 800)).toBe('above');
    expect(placeOf({ top: -10, bottom: 10 }, 800)).toBe('in');
    expect(placeOf({ top: 790, bottom: 810 }, 800)).toBe('in');
    expect(placeOf({ top: 800, bottom: 820 }, 800)).toBe('below');
  });
});
