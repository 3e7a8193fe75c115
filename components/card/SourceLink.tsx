import type { SourceView } from '@/utils/messaging/protocol';
import { isHttpUrl } from '@/utils/url/http';
import { hostOf } from '@/utils/url/host';
import { t } from '@/utils/i18n';
import { formatDate } from '@/utils/i18n/dates';

/** Packs are validated on import, but a link is the last place a `javascript:` URL could bite. */
export function safeHref(url: string): string | undefined {
  return isHttpUrl(url) ? url : undefined;
}

export function SourceLink({ source, full = false }: { source: SourceView; full?: boolean }) {
  return (
    <span class="source">
      <a href={safeHref(source.url)} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer" title={source.title}>
        {source.publisher}
      </a>
      {full && <span class="source-title"> — {source.title}</span>}
      {source.via && (
        <span class="source-via">
          {' '}
          ({t('card.via')} {source.via})
        </span>
      )}
      <span class="source-date">, {formatDate(source.published)}</span>
      {full && source.readAt && (
        // The copy the author read is named, not linked: readers are sent to the publisher, never to a copy.
        <span class="source-read-at">
          {' '}
          ({t('card.readAt')} {hostOf(source.readAt) ?? source.readAt})
        </span>
      )}
    </span>
  );
}
