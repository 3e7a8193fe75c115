/**
 * Cost accounting for the benchmark: kept in the content script's memory and handed only to the
 * extension itself (on a `scan.stats` message from the background), never to the page.
 */
export interface BatchStat {
  chars: number;
  workMs: number;
  roots: number;
}

export class PageStats {
  startedAt = 0;
  firstScanDoneAt = 0;
  readonly batches: BatchStat[] = [];
  /** Time from a card being asked for (after the intent delay) to its content painted. */
  readonly cardMs: number[] = [];

  batch(b: BatchStat) {
    this.batches.push(b);
    if (this.batches.length > 200) this.batches.shift();
  }

  card(ms: number) {
    this.cardMs.push(ms);
    if (this.cardMs.length > 100) this.cardMs.shift();
  }
}
