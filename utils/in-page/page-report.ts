import { sendFromContentScript as send } from './send';
import { PAGE_LIMITS } from '../messaging/limits';
import type { Req } from '../messaging/protocol';

/** After the first report, later ones wait this long, so a burst of scans sends one report. */
const REPORT_DELAY_MS = 250;

/**
 * The `page.report` body: entity keys and counts (never page text), and the page's title and address
 * for the notes written on it (the extension has no "tabs" permission to read them); the worker
 * keeps the address only if it is this origin's.
 */
export function pageReportBody(counts: ReadonlyMap<string, number>, reset: boolean, title: string, href: string): Req<'page.report'> {
  return {
    entities: [...counts].map(([key, count]) => ({ key, count })),
    reset,
    title: title.replace(/\s+/g, ' ').trim().slice(0, PAGE_LIMITS.title),
    url: href.length <= PAGE_LIMITS.url ? href : undefined,
  };
}

/**
 * The top page's start time, the same number in every frame of it: a frame may report before the
 * top frame's first report starts the tab over, and the worker keeps the frames of the new page.
 * Frames run only where the top is same-origin (start-up.ts), so reading it does not throw there.
 */
function topPage(): { page?: number } {
  try {
    return { page: (window.top ?? window).performance.timeOrigin };
  } catch {
    return {};
  }
}

export interface PageReporter {
  /** Tell the worker the current counts: at once for the page's first report, else debounced. */
  report: () => void;
  /** The next report starts the page over in the worker (a single-page app's new route). */
  restart: () => void;
  /** Send the counts now, and resolve once the worker has them (a resumed page's popup waits on it). */
  flush: () => Promise<void>;
}

/** `counts` is read when the report goes, so it always carries the latest scan. */
export function pageReporter(counts: () => ReadonlyMap<string, number>, signal: AbortSignal): PageReporter {
  let first = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer));
  const sendNow = () => {
    const body = { ...pageReportBody(counts(), first, document.title, location.href), ...topPage() };
    first = false;
    return send('page.report', body).then(
      () => {},
      () => {},
    );
  };
  return {
    report: () => {
      clearTimeout(timer);
      timer = setTimeout(() => void sendNow(), first ? 0 : REPORT_DELAY_MS);
    },
    restart: () => {
      first = true;
    },
    flush: () => {
      clearTimeout(timer);
      return signal.aborted ? Promise.resolve() : sendNow();
    },
  };
}
