import { PageStats } from '@/utils/in-page/stats';
import { frameHasText, isReadableDocument, topPageSettled } from '@/utils/in-page/start-up';
import { pausableReading } from '@/utils/in-page/pausable-reading';
import { answerWorker, scanStatsReply } from '@/utils/in-page/worker-messages';
import { yieldToPage } from '@/utils/in-page/schedule';
import { PAGE_TARGETS } from '@/utils/in-page/page-targets';

export default defineContentScript({
  ...PAGE_TARGETS,
  // After the card's script (document_end), which brings the card's drawing into this world.
  runAt: 'document_idle',
  async main(ctx) {
    const stats = new PageStats();
    stats.startedAt = performance.now();
    // Compiling and evaluating this script is one task (0.3–4 ms in traces, 14 at ×4 CPU throttling
    // compiling cold; it was 16 and 65 ms with what once followed in it): the first reads of the page
    // and of the extension API set up this world's bindings, which costs more, so they wait for the next.
    await yieldToPage(ctx.signal).catch(() => undefined);
    if (ctx.signal.aborted) return;
    if (!isReadableDocument()) return;
    await topPageSettled(ctx.signal).catch(() => undefined);
    if (ctx.signal.aborted) return;
    await frameHasText(ctx.signal);
    if (ctx.signal.aborted) return;
    const reading = pausableReading(ctx, stats);
    answerWorker(ctx, {
      // The step keys walk the top page's names: every frame gets the tab's message, and one card must open, not one per frame.
      'mention.next': () => (window === window.top ? reading.current()?.parts.interaction.next() : undefined),
      'mention.previous': () => (window === window.top ? reading.current()?.parts.interaction.previous() : undefined),
      'entity.muted': ({ key, muted }) => void reading.current()?.parts.scanner.setMuted(key, muted),
      // The tab's stats are the top frame's (the benchmark and tests read one page's cost); a frame
      // answers only when the message was sent to it alone (by frameId), saying so.
      'scan.stats': (ask) => {
        if (window !== window.top && !ask?.frame) return undefined;
        const r = reading.latest();
        return r ? scanStatsReply(r.parts, r.stats) : undefined;
      },
      // Frames rescan too, but only the top frame answers for the tab: its reply means the counts are reported.
      'pause.recheck': () => {
        const done = reading.recheck();
        return window === window.top ? done : undefined;
      },
    });
    // Paused or not, the script stays: the reader can resume this site without a reload. Evaluating
    // the script is a task of its own already (its compiling is most of it): asking goes in the next.
    await yieldToPage(ctx.signal).catch(() => undefined);
    if (ctx.signal.aborted) return;
    await reading.recheck();
  },
});
