/**
 * Mentions the reader hid ("Not this one" → "Hide this mention") for this page view. Nothing is
 * stored: a reload brings them back. A spot is the mention's place in the text nodes, so a rescan of
 * its block (the page changed something nearby) finds it again and keeps it hidden while its text
 * is unchanged.
 */
export interface HiddenSpot {
  entity: string;
  startNode: Node;
  startOffset: number;
  endNode: Node;
  endOffset: number;
}

export function spotOf(entity: string, range: AbstractRange): HiddenSpot {
  return { entity, startNode: range.startContainer, startOffset: range.startOffset, endNode: range.endContainer, endOffset: range.endOffset };
}

export function sameSpot(spot: HiddenSpot, entity: string, range: AbstractRange): boolean {
  return (
    spot.entity === entity &&
    spot.startNode === range.startContainer &&
    spot.startOffset === range.startOffset &&
    spot.endNode === range.endContainer &&
    spot.endOffset === range.endOffset
  );
}

export class HiddenMentions {
  private spots: HiddenSpot[] = [];

  hide(spot: HiddenSpot) {
    this.spots.push(spot);
  }

  unhide(spot: HiddenSpot) {
    this.spots = this.spots.filter((s) => s !== spot);
  }

  has(entity: string, range: AbstractRange): boolean {
    return this.spots.some((s) => sameSpot(s, entity, range));
  }

  /** A new page view (a single-page app's new route): what the reader hid on the last one comes back. */
  clear() {
    this.spots = [];
  }

  /** Forget spots whose text left the page (a long-lived page would otherwise keep them all). */
  sweep() {
    this.spots = this.spots.filter((s) => s.startNode.isConnected && s.endNode.isConnected);
  }
}
