import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { tabMessageBody, tabMessageType, type TabBody, type TabMessageType, type TabReply } from '../messaging/tab-protocol';
import type { PageParts } from './assemble';
import type { PageStats } from './stats';

/**
 * One answer per message the worker sends to tabs: a type missing here does not compile. Undefined
 * means this frame does not reply (another frame of the tab may).
 */
export type TabHandlers = { [T in TabMessageType]: (body: TabBody<T>) => TabReply<T> | Promise<TabReply<T>> | undefined };

/** The `scan.stats` reply (benchmark and end-to-end tests): read from the parts, never sent to the page. */
export function scanStatsReply({ scanner, highlighter }: Pick<PageParts, 'scanner' | 'highlighter'>, stats: PageStats): TabReply<'scan.stats'> {
  return {
    ...scanner.totals,
    startedAt: stats.startedAt,
    firstScanDoneAt: stats.firstScanDoneAt,
    firstScanMs: stats.firstScanDoneAt ? stats.firstScanDoneAt - stats.startedAt : 0,
    highlights: highlighter.size,
    mentions: scanner.registry.all.size,
    counts: Object.fromEntries(scanner.counts),
    batches: stats.batches,
    cardMs: stats.cardMs,
    slices: stats.slices.slices,
    longestSlice: stats.slices.longest,
    sheetsAdoptedAt: highlighter.adoptedAt,
  };
}

/**
 * Answer the worker's messages to this tab (tab-protocol.ts), and only those of this extension:
 * another extension could message the tab too. Messages with no reply get none.
 */
export function answerWorker(ctx: ContentScriptContext, handlers: TabHandlers): void {
  // Answered through sendResponse, which Chrome and Firefox both honour natively: the content script
  // runs without webextension-polyfill (wxt.config.ts), and Chrome ignores a returned promise. True
  // keeps the channel open for an answer that comes later; a frame that does not answer returns
  // nothing, so another frame of the tab may.
  const onMessage = (msg: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void): true | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const type = tabMessageType(msg);
    if (!type) return undefined;
    const body = tabMessageBody(type, msg);
    if (body === null) return undefined;
    const reply = (handlers[type] as (b: typeof body) => unknown)(body);
    if (reply === undefined) return undefined;
    Promise.resolve(reply).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
