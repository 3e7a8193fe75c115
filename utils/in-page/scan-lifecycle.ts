import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observeChanges } from './observer';
import { yieldToPage } from './schedule';
import type { PageParts } from './assemble';
import type { PageStats } from './stats';

type ScanParts = Pick<PageParts, 'scanner' | 'reporter' | 'exclude'>;

/**
 * The scanner's life on the page: rescans of what changes, the first full scan, and a fresh page
 * for each single-page-app route. Returns once the first scan is done (or has failed).
 */
export async function runScanner(ctx: ContentScriptContext, parts: ScanParts, stats: PageStats): Promise<void> {
  // Observe before the first scan: text added while it runs is queued, not lost (scans run one
  // at a time, so the batch waits for the full scan).
  rescanChanges(ctx.signal, parts, stats);
  if (!(await firstScan(ctx.signal, parts, stats))) return;
  rescanOnNavigation(ctx, parts);
}

/** Batched rescans of the parts of the page that change. */
function rescanChanges(signal: AbortSignal, { scanner, exclude }: ScanParts, stats: PageStats): void {
  observeChanges(document.body, {
    delayMs: 100,
    maxWaitMs: 500,
    signal,
    exclude,
    onBatch: async (batch) => {
      if (batch.removed) scanner.sweep();
      const r = await scanner.scan(batch.roots);
      stats.batch({ chars: r.chars, workMs: r.walkMs + r.tokenizeMs + r.matchMs + r.highlightMs, roots: batch.roots.length });
    },
  });
}

/** The whole page, once the page has had its turn; false if it did not complete. */
async function firstScan(signal: AbortSignal, { scanner, reporter }: ScanParts, stats: PageStats): Promise<boolean> {
  try {
    await yieldToPage(signal);
    await scanner.scan(document.body);
    reporter.report();
    stats.firstScanDoneAt = performance.now();
    return true;
  } catch (e) {
    // An invalidated context (extension updated, page left) aborts the scan: nothing to clean.
    // Anything else is a bug, and says so in the content script's console (not the page's).
    if (!signal.aborted) console.error('first scan failed', e);
    return false;
  }
}

/** Single-page apps: a new route is a new page for counts and the popup. */
function rescanOnNavigation(ctx: ContentScriptContext, { scanner, reporter }: ScanParts): void {
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    reporter.restart();
    void scanner
      .rescanAll(document.body)
      .then(reporter.report)
      .catch((e: unknown) => {
        if (!ctx.signal.aborted) console.error('rescan after navigation failed', e);
      });
  });
}
