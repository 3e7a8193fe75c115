/**
 * Cost accounting for the benchmark: kept in the content script's memory and handed only to the
 * extension itself (on a `scan.stats` message from the background), never to the page.
 */
export interface BatchStat {
  chars: number;
  workMs: number;
  roots: number;
}

/**
 * The content script's work on the page's thread: walking and reading, sending the text and taking
 * the worker's answers in, judging visibility, painting. Tokenizing and matching run in the worker
 * (their times are reported apart).
 */
export function pageWorkMs(st: { walkMs: number; loadMs: number; visibilityMs: number; highlightMs: number }): number {
  return st.walkMs + st.loadMs + st.visibilityMs + st.highlightMs;
}

/** The phases of the content script's slices: building the page's parts, then the scanner's. */
export type SlicePhase = 'start' | 'walk' | 'load' | 'visibility' | 'paint';

/** One slice of the content script's own work: its phase, when it began (performance.now()) and how long it ran. */
export interface Slice {
  phase: SlicePhase;
  start: number;
  ms: number;
}

/** Slices shorter than this are not kept: alone they cannot make a task long, and pages have thousands. */
export const SLICE_LOG_MIN_MS = 1;
const SLICE_LOG_MAX = 300;

/**
 * Where the content script's own slices of work fell, for the benchmark: a long task the page saw is
 * the extension's when our slices inside it are what made it long. Kept in memory, the latest
 * SLICE_LOG_MAX, and handed only to the extension (`scan.stats`), like the rest of these stats.
 */
export class SliceLog {
  readonly slices: Slice[] = [];
  /** The longest slice so far, even once it has left `slices`; null before any of SLICE_LOG_MIN_MS. */
  longest: Slice | null = null;

  record(phase: SlicePhase, start: number, end: number) {
    const ms = end - start;
    if (ms < SLICE_LOG_MIN_MS) return;
    const slice = { phase, start, ms };
    if (!this.longest || ms > this.longest.ms) this.longest = slice;
    this.slices.push(slice);
    if (this.slices.length > SLICE_LOG_MAX) this.slices.shift();
  }
}

export class PageStats {
  startedAt = 0;
  firstScanDoneAt = 0;
  readonly batches: BatchStat[] = [];
  /** Time from a card being asked for (after the intent delay) to its content painted. */
  readonly cardMs: number[] = [];
  /** The content script's slices: assemble.ts logs its start-up and hands the log to the scanner. */
  readonly slices = new SliceLog();

  batch(b: BatchStat) {
    this.batches.push(b);
    if (this.batches.length > 200) this.batches.shift();
  }

  card(ms: number) {
    this.cardMs.push(ms);
    if (this.cardMs.length > 100) this.cardMs.shift();
  }
}
