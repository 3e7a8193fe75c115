import { PageStats } from '@/utils/in-page/stats';
import { shouldReadPage } from '@/utils/in-page/start-up';
import { assemblePage } from '@/utils/in-page/assemble';
import { answerWorker, scanStatsReply } from '@/utils/in-page/worker-messages';
import { runScanner } from '@/utils/in-page/scan-lifecycle';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const stats = new PageStats();
    stats.startedAt = performance.now();
    if (!(await shouldReadPage(ctx.signal))) return;
    const page = assemblePage(ctx.signal, stats);
    answerWorker(ctx, {
      'mention.next': () => page.interaction.next(),
      'scan.stats': () => scanStatsReply(page, stats),
      'entity.muted': ({ key, muted }) => void page.scanner.setMuted(key, muted),
    });
    await runScanner(ctx, page, stats);
  },
});
