import type { ScanStats } from '../in-page/scanner';
import type { BatchStat, Slice } from '../in-page/stats';

/**
 * The messages the worker sends to a tab's content script (`tabs.sendMessage`), and the type of each
 * reply. The other direction is protocol.ts. No zod here: the content script imports this file, and it
 * answers only its own extension (it checks `sender.id`), whose message bodies it checks by hand (BODY_CHECKS).
 */
export interface TabProtocol {
  /** The "next-mention" keyboard command: move to the next highlighted name and open its card. No reply. */
  'mention.next': { reply: void };
  /** The "previous-mention" keyboard command: the same, backwards. No reply. */
  'mention.previous': { reply: void };
  /**
   * The content script's scan statistics, for the benchmark and the end-to-end tests (never for the page).
   * Without a body only the top frame answers (one page's cost); `{ frame: true }` is for a message sent
   * to one frame by its `frameId`, which then answers with its own.
   */
  'scan.stats': { reply: ScanStatsReply; body: ScanStatsAsk | undefined };
  /**
   * The reader paused or resumed a site (or every site), or deleted all their data: the tab asks
   * `site.state` for its own site and removes or restores everything Backstory shows on it. Every
   * frame the content script runs in rechecks; the top frame replies, once that is done (highlights gone and the
   * empty counts reported, the rescan's counts reported, or, when it goes on reading, its current
   * counts reported again: "delete all my data" forgot every tab's), so the reply means the tab's
   * counts are current.
   */
  'pause.recheck': { reply: { paused: boolean } };
  /**
   * An entity was muted (or is no longer) on this tab's site: drop (or restore) its highlights and
   * counts, without a reload. Sent only to tabs whose site the change applies to. No reply.
   */
  'entity.muted': { reply: void; body: EntityMuteChange };
}

/** The `entity.muted` body: the entity, and whether it is now muted on the tab's site (by any mute). */
export interface EntityMuteChange {
  key: string;
  muted: boolean;
}

/** The `scan.stats` body: this frame answers, top frame or not (sent with `tabs.sendMessage`'s `frameId`). */
export interface ScanStatsAsk {
  frame: true;
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
  /** The content script's latest slices of at least a millisecond, and its longest one. */
  slices: Slice[];
  longestSlice: Slice | null;
  /** When the highlight rules were written (the first 19 times and the latest): the page's style pass that follows each is ours. */
  sheetsAdoptedAt: number[];
}

export type TabMessageType = keyof TabProtocol;
/** What a message carries beyond its type (undefined for most). */
export type TabBody<T extends TabMessageType> = TabProtocol[T] extends { body: infer B } ? B : undefined;
export interface TabMessage<T extends TabMessageType = TabMessageType> {
  type: T;
  body?: TabBody<T>;
}
export type TabReply<T extends TabMessageType> = TabProtocol[T]['reply'];

/** Every tab message type, for the content script's check: one missing here does not compile. */
const TAB_MESSAGE_TYPES: Record<TabMessageType, true> = {
  'mention.next': true,
  'mention.previous': true,
  'scan.stats': true,
  'entity.muted': true,
  'pause.recheck': true,
};

/** The message the worker sends to a tab. */
export function tabMessage<T extends TabMessageType>(type: T, body?: TabBody<T>): TabMessage<T> {
  return body === undefined ? { type } : { type, body };
}

/**
 * The `entity.muted` body of a message, or null when it is not one: checked by hand (no zod in
 * pages), although only our own worker's messages are read at all.
 */
export function entityMuteChange(msg: unknown): EntityMuteChange | null {
  const body = (msg as { body?: unknown } | null)?.body as { key?: unknown; muted?: unknown } | null | undefined;
  if (!body || typeof body !== 'object') return null;
  const { key, muted } = body;
  return typeof key === 'string' && key.length <= 200 && typeof muted === 'boolean' ? { key, muted } : null;
}

/** The `scan.stats` body: none, or `{ frame: true }`; null for anything else. */
export function scanStatsAsk(msg: unknown): ScanStatsAsk | undefined | null {
  const body = (msg as { body?: unknown } | null)?.body;
  if (body === undefined) return undefined;
  return body && typeof body === 'object' && (body as { frame?: unknown }).frame === true ? { frame: true } : null;
}

/** The type of a tab message, or null for anything else. */
export function tabMessageType(msg: unknown): TabMessageType | null {
  const type = (msg as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(TAB_MESSAGE_TYPES, type) ? (type as TabMessageType) : null;
}

/** Each message's body check: undefined for a message without one, null for a bad one. */
const BODY_CHECKS: { [T in TabMessageType]: (msg: unknown) => TabBody<T> | null } = {
  'mention.next': () => undefined,
  'mention.previous': () => undefined,
  'scan.stats': scanStatsAsk,
  'pause.recheck': () => undefined,
  'entity.muted': entityMuteChange,
};

/** The body of a tab message of this type (undefined when it has none), or null when it is not what the type carries. */
export function tabMessageBody<T extends TabMessageType>(type: T, msg: unknown): TabBody<T> | null {
  return (BODY_CHECKS[type] as (m: unknown) => TabBody<T> | null)(msg);
}
