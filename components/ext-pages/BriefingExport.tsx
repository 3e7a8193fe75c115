import { useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { briefingToMarkdown } from '@/utils/export/briefing';
import { safeFileName } from '@/utils/export/filename';
import { downloadText } from '@/utils/ext-pages/download';
import { hostOf } from '@/utils/url/host';
import { plural, t, uiLang } from '@/utils/i18n';

/** The popup's "briefing of this page" as a Markdown file: built here, saved as a local download. */
export function BriefingExport({ tabId }: { tabId: number | null }) {
  const [status, setStatus] = useState<string | null>(null);
  if (tabId === null) return null;
  const run = async () => {
    try {
      const b = await send('page.briefing', { tabId, lang: uiLang() });
      const now = new Date().toISOString();
      // The site and the time in the name: briefings of two pages, or of one page twice, keep apart.
      const name = safeFileName(`backstory-briefing-${hostOf(b.url) ?? 'page'}-${now.slice(0, 16).replace('T', '-').replace(':', '')}`, 'md');
      downloadText(name, briefingToMarkdown(b, now), 'text/markdown');
      setStatus(plural('panel.briefingExported', b.entities.length, { file: name }));
    } catch (e) {
      setStatus((e as Error).message);
    }
  };
  return (
    <div class="briefing-export">
      <button type="button" onClick={run}>
        {t('panel.exportBriefing')}
      </button>
      {/* Always in the page: a live region announces what is written into it, not what arrives with it. */}
      <p class="small muted" role="status">
        {status}
      </p>
    </div>
  );
}
