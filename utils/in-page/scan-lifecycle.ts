import { observeChanges } from './observer';
import { yieldToPage } from './schedule';
import type { PageParts } from './assemble';
import { pageWorkMs, type PageStats } from './stats';

type ScanParts = Pick<PageParts, 'scanner' | 'reporter' | 'exclude' | 'highlighter'>;

/**
 * The scanner's life on the page, until `signal` aborts (the page left, or the reader paused its
 * site): rescans of what changes and the first full scan. Resolves once the first scan is done,
 * to false if it did not complete.
 */
export function runScanner(signal: AbortSignal, parts: ScanParts, stats: PageStats): Promise<boolean> {
  // Observe before the first scan: text added while it runs is queued, not lost (scans run one
  // at a time, so the batch waits for the full scan).
  rescanChanges(signal, parts, stats);
  return firstScan(signal, parts, stats);
}

/** Batched rescans of the parts of the page that change. */
function rescanChanges(signal: AbortSignal, { scanner, exclude, highlighter }: ScanParts, stats: PageStats): void {
  // The whole document, not its body: Turbo-style navigation replaces the body element, and a page
  // written with document.open() its document element; either is then scanned as a new root.
  const observer = observeChanges(document, {
    delayMs: 100,
    maxWaitMs: 500,
    signal,
    exclude,
    onBatch: async (batch) => {
      if (batch.removed) scanner.sweep();
      const r = batch.roots.length ? await scanner.scan(batch.roots) : null;
      // What moved, or an id changed on the way, may have taken painted names out of reach of their
      // rules: timed and logged as paint.
      const t = performance.now();
      highlighter.recheck();
      const recheckMs = performance.now() - t;
      stats.slices.record('paint', t, t + recheckMs);
      stats.batch({ chars: r?.chars ?? 0, workMs: (r ? pageWorkMs(r) : 0) + recheckMs, roots: batch.roots.length });
    },
  });
  scanner.watchShadowRoots(observer.observe, observer.watchBare);
}

/** The whole page, once the page has had its turn; false if it did not complete. */
async function firstScan(signal: AbortSignal, { scanner }: ScanParts, stats: PageStats): Promise<boolean> {
  try {
    await yieldToPage(signal);
    await scanner.scan(document.body);
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
export function rescanAfterNavigation(signal: AbortSignal, { scanner, reporter }: ScanParts): void {
  reporter.restart();
  void scanner
    .rescanAll(document.body)
    .then(reporter.report)
    .catch((e: unknown) => {
      if (!signal.aborted) console.error('rescan after navigation failed', e);
    });
}
