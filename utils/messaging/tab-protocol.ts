import type { ScanStats } from '../in-page/scanner';
import type { BatchStat } from '../in-page/stats';

/**
 * The messages the worker sends to a tab's content script (`tabs.sendMessage`), and the type of each
 * reply. The other direction is protocol.ts. No zod here: the content script imports this file, and it
 * answers only its own extension (it checks `sender.id`), whose messages carry no body.
 */
export interface TabProtocol {
  /** The "next-mention" keyboard command: move to the next highlighted name and open its card. No reply. */
  'mention.next': { reply: void };
  /** The content script's scan statistics, for the benchmark and the end-to-end tests (never for the page). */
  'scan.stats': { reply: ScanStatsReply };
  /**
   * The reader paused or resumed a site (or every site): the tab asks `site.state` for its own site
   * and removes or restores everything Backstory shows on it. The top frame replies once that is done
   * (highlights gone and the empty counts reported, or the rescan's counts reported); other frames
   * apply it without replying, so the reply means the tab's counts are current.
   */
  'pause.recheck': { reply: { paused: boolean } };
}

/** The `scan.stats` reply: scan totals, when the first scan ended, and the latest batches and card timings. */
export interface ScanStatsReply extends ScanStats {
  startedAt: number;
  firstScanDoneAt: number;
  /** 0 until the first scan is complete. */
  firstScanMs: number;
  highlights: number;
  /** Mentions now in the registry, painted or not (not the scans' running total). */
  mentions: number;
  counts: Record<string, number>;
  batches: BatchStat[];
  cardMs: number[];
}

export type TabMessageType = keyof TabProtocol;
export interface TabMessage<T extends TabMessageType = TabMessageType> {
  type: T;
}
export type TabReply<T extends TabMessageType> = TabProtocol[T]['reply'];

/** Every tab message type, for the content script's check: one missing here does not compile. */
const TAB_MESSAGE_TYPES: Record<TabMessageType, true> = { 'mention.next': true, 'scan.stats': true, 'pause.recheck': true };

/** The message the worker sends to a tab. */
export function tabMessage<T extends TabMessageType>(type: T): TabMessage<T> {
  return { type };
}

/** The type of a tab message, or null for anything else. */
export function tabMessageType(msg: unknown): TabMessageType | null {
  const type = (msg as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(TAB_MESSAGE_TYPES, type) ? (type as TabMessageType) : null;
}
