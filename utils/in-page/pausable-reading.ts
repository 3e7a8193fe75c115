import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendFromContentScript as send } from './send';
import { assemblePage, type PageParts } from './assemble';
import { pageReportBody } from './page-report';
import { rescanAfterNavigation, runScanner } from './scan-lifecycle';
import { PageStats } from './stats';
import { HiddenMentions } from './hidden-mentions';
import { yieldToPage } from './schedule';
import { watchRoute } from './route-watch';

/** One stretch of reading the page, from a start to a pause (or the page's end). */
export interface Reading {
  parts: PageParts;
  stats: PageStats;
  signal: AbortSignal;
  /** The first scan completed: from then on a new route is rescanned. */
  scanned: boolean;
}

export interface PausableReading {
  /** The reading on the page now, or null while the site is paused. */
  current(): Reading | null;
  /** The latest reading, stopped or not (its statistics outlive a pause). */
  latest(): Reading | null;
  /**
   * Ask the worker whether this site is paused and stop or start reading to match. Resolves once
   * that is done and the worker has this frame's counts: none when paused, the rescan's when resumed,
   * the current ones (reported again) when reading goes on.
   */
  recheck(): Promise<{ paused: boolean }>;
}

/**
 * Reading the page, paused and resumed at the reader's word without a reload. Each reading has its
 * own signal: pausing aborts it, and everything tied to it (highlights, the card, the observer,
 * the listeners, a scan under way) goes; resuming builds a fresh one, as when the page loaded.
 */
export function pausableReading(ctx: ContentScriptContext, firstStats: PageStats): PausableReading {
  let reading: (Reading & { stop: AbortController }) | null = null;
  let latest: Reading | null = null;
  let checks = 0;
  let watchingRoutes = false;
  // What the reader hid ("Hide this mention") is this page view's: a pause and resume keep it, only
  // a reload or a new route brings it back.
  const hidden = new HiddenMentions();

  // While paused the worker learns only the page's address (so the popup can offer "Resume on this
  // site"), with no title and no counts.
  const reportNothing = () => send('page.report', pageReportBody(new Map(), true, '', location.href)).then(noop, noop);

  const watchRoutes = () => {
    if (watchingRoutes) return;
    watchingRoutes = true;
    watchRoute(() => {
      hidden.clear();
      if (reading?.scanned) rescanAfterNavigation(reading.signal, reading.parts);
      else if (!reading) void reportNothing();
    }, ctx.signal);
  };

  /** Start reading, as recheck number `check` decided. */
  const start = async (check: number) => {
    const stop = new AbortController();
    const signal = AbortSignal.any([ctx.signal, stop.signal]);
    const stats = latest ? new PageStats() : firstStats;
    if (latest) stats.startedAt = performance.now();
    // The parts are built in several tasks (assemble.ts): a later recheck may have decided meanwhile
    // (a pause, or a start of its own), and then these parts go unused.
    const parts = await assemblePage(signal, stats, hidden).catch(() => null);
    if (!parts || check !== checks || reading) {
      stop.abort();
      return;
    }
    const r = { parts, stats, signal, scanned: false, stop };
    reading = latest = r;
    watchRoutes();
    // The observer and the scan start in a task of their own, so start-up is no long task on a slow CPU.
    await yieldToPage(signal).catch(noop);
    if (signal.aborted) return;
    r.scanned = await runScanner(signal, parts, stats);
    // The first scan's counts go at once (not debounced): a popup waiting on a resume reads them.
    await parts.reporter.flush();
  };

  const stop = () => {
    if (!reading) return;
    reading.stop.abort();
    reading.parts.scanner.reset();
    reading = null;
  };

  return {
    current: () => reading,
    latest: () => latest,
    async recheck() {
      const check = ++checks;
      // A worker that cannot answer does not keep Backstory off the page.
      const { paused } = await send('site.state', {}).catch(() => ({ paused: false }));
      // The answer's task is the port's: building the parts gets a task of its own.
      await yieldToPage(ctx.signal).catch(noop);
      // A later recheck has the newer answer: it applies, this one does not.
      if (check !== checks || ctx.signal.aborted) return { paused };
      if (paused) {
        stop();
        await reportNothing();
      } else if (!reading) await start(check);
      else if (reading.scanned) {
        // Still reading: the worker may have forgotten this tab ("delete all my data" clears every
        // tab's state), so it hears the page's address and counts again, and can reach it with a mute.
        reading.parts.reporter.restart();
        await reading.parts.reporter.flush();
      }
      return { paused };
    },
  };
}

function noop() {}
