import type { FactView, SourceView } from '@/utils/messaging/protocol';
import { attributionLabel, formatDate } from './labels';
import { SourceLink } from './SourceLink';

export function FactItem({ fact, sources, lang }: { fact: FactView; sources: Map<string, SourceView>; lang: string }) {
  return (
    <li class={`fact attribution-${fact.attribution}`} data-fact={fact.id}>
      <div class="fact-meta">
        <time dateTime={fact.date}>{formatDate(fact.date, lang)}</time>
        <span class="badge">{attributionLabel(fact.attribution, lang)}</span>
      </div>
      <p class="fact-text">{fact.text}</p>
      {fact.quote && (
        <blockquote lang={fact.quote.lang}>
          “{fact.quote.text}” — {fact.quote.by}
        </blockquote>
      )}
      <div class="fact-sources">
        {fact.sourceIds.map((id) => {
          const s = sources.get(id);
          return s ? <SourceLink key={id} source={s} lang={lang} /> : null;
        })}
      </div>
    </li>
  );
}
