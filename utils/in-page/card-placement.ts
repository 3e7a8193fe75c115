/** Where the hover card goes: pure geometry, in CSS pixels of the viewport (unit-tested). */

export type Side = 'below' | 'above';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  viewport: { width: number; height: number };
  /** The name the card describes (its first line box). */
  anchor: Box;
  /** The card's size with nothing cut: its design width, and the height of its whole content. */
  natural: { width: number; height: number };
  /** The side it is on now: kept while the card fits there, so it does not jump as the page scrolls. */
  prefer?: Side;
}

export interface Placement {
  left: number;
  top: number;
  width: number;
  /** The card's height limit: past it, only its middle (the facts) scrolls. */
  maxHeight: number;
  side: Side;
}

/** The tallest the card gets, however much room there is: it stays a glance, the side panel has the rest. */
export const CARD_MAX_HEIGHT = 420;
/** Between the name and the card. */
const GAP = 6;
/** Between the card and the window's edges. */
const MARGIN = 6;
/**
 * Below this the name, a line of facts and the footer's actions no longer fit: in a window this
 * short on both sides of the name, the card keeps this height and may cover the name instead.
 */
const MIN_HEIGHT = 160;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/**
 * Below the name when the card fits there, else above when it fits there, else on the side with
 * more room, shrunk to that room; always inside the window, horizontally too.
 */
export function placeCard({ viewport, anchor, natural, prefer }: PlacementInput): Placement {
  const width = Math.max(0, Math.min(natural.width, viewport.width - 2 * MARGIN));
  const left = clamp(anchor.left, MARGIN, viewport.width - MARGIN - width);
  const want = Math.min(natural.height, CARD_MAX_HEIGHT);
  const room: Record<Side, number> = { below: viewport.height - MARGIN - anchor.bottom - GAP, above: anchor.top - GAP - MARGIN };
  const fits = (s: Side) => room[s] >= want;
  const side: Side = prefer && fits(prefer) ? prefer : fits('below') ? 'below' : fits('above') ? 'above' : room.above > room.below ? 'above' : 'below';
  const floor = Math.min(MIN_HEIGHT, viewport.height - 2 * MARGIN);
  const maxHeight = Math.floor(Math.max(Math.min(room[side], CARD_MAX_HEIGHT), floor));
  const height = Math.min(want, maxHeight);
  const top = clamp(side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height, MARGIN, viewport.height - MARGIN - height);
  return { left: Math.round(left), top: Math.round(top), width, maxHeight, side };
}
