import { PageStats } from '@/utils/in-page/stats';
import { isReadableDocument } from '@/utils/in-page/start-up';
import { pausableReading } from '@/utils/in-page/pausable-reading';
import { answerWorker, scanStatsReply } from '@/utils/in-page/worker-messages';
import { yieldToPage } from '@/utils/in-page/schedule';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const stats = new PageStats();
    stats.startedAt = performance.now();
    if (!isReadableDocument()) return;
    const reading = pausableReading(ctx, stats);
    answerWorker(ctx, {
      'mention.next': () => reading.current()?.parts.interaction.next(),
      'mention.previous': () => reading.current()?.parts.interaction.previous(),
      'entity.muted': ({ key, muted }) => void reading.current()?.parts.scanner.setMuted(key, muted),
      'scan.stats': () => {
        const r = reading.latest();
        return r ? scanStatsReply(r.parts, r.stats) : undefined;
      },
      // The content script runs in the top frame only (no allFrames); should a frame ever run it, it
      // must not answer for the tab: the top frame's reply means the tab's counts are reported.
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
