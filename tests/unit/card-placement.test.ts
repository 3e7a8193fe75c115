import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CARD_MAX_HEIGHT, placeCard, type Box } from '@/utils/in-page/card-placement';

/** A name 90 px wide and 18 px tall whose top-left corner is at (x, y). */
const nameAt = (x: number, y: number): Box => ({ left: x, top: y, right: x + 90, bottom: y + 18 });
const full = { width: 360, height: 420 };

describe('placeCard', () => {
  it('puts a full card below a name near the top of the window, at the name’s left edge', () => {
    expect(placeCard({ viewport: { width: 1280, height: 800 }, anchor: nameAt(100, 80), natural: full })).toEqual({
      left: 100,
      top: 104,
      width: 360,
      maxHeight: 420,
      side: 'below',
    });
  });

  it('puts it above a name in the lower half, its bottom just over the name (the old rule needed less than 200 px below)', () => {
    // 800 − 500 − 18 leaves 282 px below: more than 200, less than the card.
    const p = placeCard({ viewport: { width: 1280, height: 800 }, anchor: nameAt(100, 500), natural: full });
    expect(p.side).toBe('above');
    expect(p.top + Math.min(full.height, p.maxHeight)).toBe(494);
    expect(p.maxHeight).toBe(420);
  });

  it('shrinks the card to the larger side when it fits on neither (a phone-sized window)', () => {
    const p = placeCard({ viewport: { width: 390, height: 700 }, anchor: nameAt(20, 340), natural: full });
    // 340 − 6 − 6 = 328 above; 700 − 6 − 358 − 6 = 330 below.
    expect(p).toEqual({ left: 20, top: 364, width: 360, maxHeight: 330, side: 'below' });
    const q = placeCard({ viewport: { width: 390, height: 700 }, anchor: nameAt(20, 400), natural: full });
    expect(q).toEqual({ left: 20, top: 6, width: 360, maxHeight: 388, side: 'above' });
  });

  it('keeps a short card at its own height, below a name even near the bottom when it fits', () => {
    const p = placeCard({ viewport: { width: 1280, height: 800 }, anchor: nameAt(100, 600), natural: { width: 360, height: 150 } });
    expect(p).toMatchObject({ side: 'below', top: 624 });
    const q = placeCard({ viewport: { width: 1280, height: 800 }, anchor: nameAt(100, 700), natural: { width: 360, height: 150 } });
    expect(q).toMatchObject({ side: 'above', top: 700 - 6 - 150 });
  });

  it('caps a long card at its design height however tall the window', () => {
    const p = placeCard({ viewport: { width: 1280, height: 2000 }, anchor: nameAt(100, 100), natural: { width: 360, height: 3000 } });
    expect(p).toMatchObject({ side: 'below', maxHeight: CARD_MAX_HEIGHT });
  });

  it('moves left to stay inside the window for a name at its right edge, and narrows in a window narrower than the card', () => {
    expect(placeCard({ viewport: { width: 800, height: 600 }, anchor: nameAt(700, 50), natural: full }).left).toBe(800 - 6 - 360);
    const narrow = placeCard({ viewport: { width: 320, height: 600 }, anchor: nameAt(200, 50), natural: full });
    expect(narrow).toMatchObject({ left: 6, width: 308 });
  });

  it('stays on its side while the card still fits there, so it does not jump as the page scrolls', () => {
    const viewport = { width: 1280, height: 800 };
    // Fits both ways: below by default, above when it was above.
    expect(placeCard({ viewport, anchor: nameAt(100, 400), natural: { width: 360, height: 300 } }).side).toBe('below');
    expect(placeCard({ viewport, anchor: nameAt(100, 400), natural: { width: 360, height: 300 }, prefer: 'above' }).side).toBe('above');
    // No longer fits above: it moves.
    expect(placeCard({ viewport, anchor: nameAt(100, 200), natural: { width: 360, height: 300 }, prefer: 'above' }).side).toBe('below');
  });

  it('in a window too short for anything, keeps a usable height and stays inside the window (covering the name)', () => {
    const p = placeCard({ viewport: { width: 800, height: 240 }, anchor: nameAt(100, 110), natural: full });
    expect(p.maxHeight).toBe(160);
    expect(p.top).toBeGreaterThanOrEqual(6);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(234);
  });

  it('always lies inside the window and never over the name when there is room for its minimum on one side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 2560 }),
        fc.integer({ min: 400, max: 1600 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        (vw, vh, fx, fy, natural) => {
          const anchor = nameAt(fx * (vw - 90), fy * (vh - 18));
          const p = placeCard({ viewport: { width: vw, height: vh }, anchor, natural: { width: 360, height: natural } });
          const height = Math.min(natural, p.maxHeight);
          expect(p.left).toBeGreaterThanOrEqual(0);
          expect(p.left + p.width).toBeLessThanOrEqual(vw);
          expect(p.top).toBeGreaterThanOrEqual(0);
          expect(p.top + height).toBeLessThanOrEqual(vh);
          expect(p.maxHeight).toBeLessThanOrEqual(CARD_MAX_HEIGHT);
          const roomy = Math.max(anchor.top - 12, vh - anchor.bottom - 12) >= 160;
          if (roomy) expect(p.side === 'below' ? p.top >= anchor.bottom : p.top + height <= anchor.top + 1).toBe(true);
        },
      ),
    );
  });
});
