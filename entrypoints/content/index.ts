import { browser } from 'wxt/browser';
import { sendFromContentScript as send } from '@/utils/in-page/send';
import { Highlighter } from '@/utils/in-page/highlight';
import { Scanner } from '@/utils/in-page/scanner';
import { CardHost, currentSelection } from '@/utils/in-page/card-host';
import { VisibilityJudge } from '@/utils/in-page/visibility';
import { visibleQuote } from '@/utils/in-page/quote';
import { wireInteraction } from '@/utils/in-page/interaction';
import { observeChanges } from '@/utils/in-page/observer';
import { yieldToPage } from '@/utils/in-page/schedule';
import { PageStats } from '@/utils/in-page/stats';
import { PAGE_LIMITS } from '@/utils/messaging/limits';
import { tabMessageType, type TabReply } from '@/utils/messaging/tab-protocol';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const stats = new PageStats();
    stats.startedAt = performance.now();
    const signal = ctx.signal;
    if (!document.body || document.contentType?.includes('xml')) return;

    const paused = await send('site.state', {}).catch(() => ({ paused: false }));
    if (paused.paused || signal.aborted) return;

    const lang = navigator.language;
    // The reader's selection, if any, goes along as a quote for a note: only on their click, and
    // only the part of it they can see.
    function requestPanel(key: string, selection = currentSelection()) {
      const judge = new VisibilityJudge(document);
      judge.reset();
      const quote = visibleQuote(selection, judge);
      void send('panel.open', quote ? { key, quote } : { key }).catch(() => {});
    }
    const highlighter = new Highlighter(document);
    const card = new CardHost({
      lang,
      signal,
      loadCard: (key) => send('entity.card', { key, lang }),
      onPainted: (ms) => stats.card(ms),
      onOpenPanel: (key, selection) => requestPanel(key, selection),
    });
    const exclude = (el: Element) => el === card.host;

    let firstReport = true;
    let reportTimer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      clearTimeout(reportTimer);
      reportTimer = setTimeout(
        () => {
          const entities = [...scanner.counts].map(([key, count]) => ({ key, count }));
          // Title and address go along for the notes written on this page (the extension has no
          // "tabs" permission to read them); the worker keeps the address only if it is this origin's.
          const title = document.title.replace(/\s+/g, ' ').trim().slice(0, PAGE_LIMITS.title);
          const url = location.href.length <= PAGE_LIMITS.url ? location.href : undefined;
          void send('page.report', { entities, reset: firstReport, title, url }).catch(() => {});
          firstReport = false;
        },
        firstReport ? 0 : 250,
      );
    };

    const scanner = new Scanner({
      lookup: (words, pairs) => send('dict.lookup', { words, pairs }),
      highlighter,
      exclude,
      signal,
      onChange: report,
    });
    const interaction = wireInteraction({ registry: scanner.registry, card, highlighter, onMentionClick: (key) => requestPanel(key), signal });

    const fullScan = async () => {
      await yieldToPage(signal);
      await scanner.scan(document.body);
      report();
    };

    const onMessage = (msg: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const type = tabMessageType(msg);
      if (!type) return undefined;
      if (type === 'mention.next') {
        interaction.next();
        return undefined;
      }
      const reply: TabReply<'scan.stats'> = {
        ...scanner.totals,
        startedAt: stats.startedAt,
        firstScanDoneAt: stats.firstScanDoneAt,
        firstScanMs: stats.firstScanDoneAt ? stats.firstScanDoneAt - stats.startedAt : 0,
        highlights: highlighter.size,
        mentions: scanner.registry.all.size,
        counts: Object.fromEntries(scanner.counts),
        batches: stats.batches,
        cardMs: stats.cardMs,
      };
      return Promise.resolve(reply);
    };
    // The listener answers by returning a promise, which the polyfill (and Firefox) send back as the reply.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- see above
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the same listener
      browser.runtime.onMessage.removeListener(onMessage);
      clearTimeout(reportTimer);
      highlighter.destroy();
    });

    // Observe before the first scan: text added while it runs is queued, not lost (scans run one
    // at a time, so the batch waits for the full scan).
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

    try {
      await fullScan();
      stats.firstScanDoneAt = performance.now();
    } catch (e) {
      // An invalidated context (extension updated, page left) aborts the scan: nothing to clean.
      // Anything else is a bug, and says so in the content script's console (not the page's).
      if (!signal.aborted) console.error('first scan failed', e);
      return;
    }

    // Single-page apps: a new route is a new page for counts and the popup.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      firstReport = true;
      void scanner
        .rescanAll(document.body)
        .then(report)
        .catch((e: unknown) => {
          if (!signal.aborted) console.error('rescan after navigation failed', e);
        });
    });
  },
});
