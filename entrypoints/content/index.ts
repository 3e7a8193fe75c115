import { browser } from 'wxt/browser';
import { z } from 'zod';
import { send } from '@/utils/messaging/client';
import { Highlighter } from '@/utils/page/highlight';
import { Scanner } from '@/utils/page/scanner';
import { CardHost } from '@/utils/page/card-host';
import { wireInteraction } from '@/utils/page/interaction';
import { observeChanges } from '@/utils/page/observer';
import { yieldToPage } from '@/utils/page/schedule';

/** Messages the background may send to a tab (keyboard command, stats for the benchmark). */
const TabMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('mention.next') }), z.object({ type: z.literal('scan.stats') })]);

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const started = performance.now();
    const signal = ctx.signal;
    if (!document.body || document.contentType?.includes('xml')) return;

    const paused = await send('site.state', {}).catch(() => ({ paused: false }));
    if (paused.paused || signal.aborted) return;

    const lang = navigator.language;
    const highlighter = new Highlighter(document);
    const card = new CardHost({
      lang,
      signal,
      loadCard: (key) => send('entity.card', { key, lang }),
      openPanel: (key) => void send('panel.open', { key }).catch(() => {}),
    });
    const exclude = (el: Element) => el === card.host;

    let firstReport = true;
    let reportTimer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      clearTimeout(reportTimer);
      reportTimer = setTimeout(() => {
        const entities = [...scanner.counts].map(([key, count]) => ({ key, count }));
        void send('page.report', { entities, reset: firstReport }).catch(() => {});
        firstReport = false;
      }, firstReport ? 0 : 250);
    };

    const scanner = new Scanner({
      lookup: (hashes) => send('dict.lookup', { hashes }),
      highlighter,
      exclude,
      signal,
      onChange: report,
    });
    const interaction = wireInteraction({ registry: scanner.registry, card, highlighter, openPanel: (key) => void send('panel.open', { key }).catch(() => {}), signal });

    let firstScanMs = 0;
    const fullScan = async () => {
      await yieldToPage(signal);
      await scanner.scan(document.body);
      report();
    };

    const onMessage = (msg: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const m = TabMessage.safeParse(msg);
      if (!m.success) return undefined;
      if (m.data.type === 'mention.next') {
        interaction.next();
        return undefined;
      }
      return Promise.resolve({
        ...scanner.totals,
        firstScanMs,
        highlights: highlighter.size,
        counts: Object.fromEntries(scanner.counts),
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      clearTimeout(reportTimer);
      highlighter.destroy();
    });

    try {
      await fullScan();
      firstScanMs = performance.now() - started;
    } catch {
      // The context was invalidated (extension updated or page left) mid-scan: nothing to clean.
      return;
    }

    observeChanges(document.body, {
      delayMs: 100,
      maxWaitMs: 500,
      signal,
      exclude,
      onBatch: async (batch) => {
        if (batch.removed) scanner.sweep();
        for (const root of batch.roots) await scanner.scan(root);
      },
    });

    // Single-page apps: a new route is a new page for counts and the popup.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      scanner.reset();
      firstReport = true;
      void fullScan().catch(() => {});
    });
  },
});
