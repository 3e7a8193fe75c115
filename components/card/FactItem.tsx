import type { ComponentChildren } from 'preact';
import type { DisputeView, EvidenceView, FactView, SourceView } from '@/utils/messaging/protocol';
import { attributionLabel, cardText, formatDate } from './labels';
import { SourceLink, safeHref } from './SourceLink';
import { CutText } from './CutText';

type Sources = Map<string, SourceView>;

function SourceLinks({ ids, sources, lang }: { ids: string[]; sources: Sources; lang: string }) {
  return (
    <div class="fact-sources">
      {ids.map((id) => {
        const s = sources.get(id);
        return s ? <SourceLink key={id} source={s} lang={lang} /> : null;
      })}
    </div>
  );
}

/** A denial (or any disputing fact) read beside the claim it disputes, with its own attribution and sources. */
function Disputes({ disputes, sources, lang }: { disputes: DisputeView[]; sources: Sources; lang: string }) {
  return (
    <div class="disputes" role="group" aria-label={cardText('disputedBy', lang)}>
      <div class="disputes-label">{cardText('disputedBy', lang)}</div>
      {disputes.map((d) => (
        <div key={d.id} class={`dispute attribution-${d.attribution}`} data-disputes-with={d.id}>
          <div class="fact-meta">
            <time dateTime={d.date}>{formatDate(d.date, lang)}</time>
            <span class="badge">{attributionLabel(d.attribution, lang)}</span>
          </div>
          <CutText class="dispute-text" text={d.text} lang={lang} />
          <SourceLinks ids={d.sourceIds} sources={sources} lang={lang} />
        </div>
      ))}
    </div>
  );
}

/** The source's own words, folded: a native <details> opens with one click, Enter or Space. */
function Evidence({ evidence, sources, lang }: { evidence: EvidenceView[]; sources: Sources; lang: string }) {
  return (
    <details class="evidence">
      <summary>{cardText('whatSourceSays', lang)}</summary>
      {evidence.map((ev, i) => {
        const s = sources.get(ev.source);
        return (
          <figure key={i} class="excerpt">
            <blockquote lang={ev.lang}>“{ev.text}”</blockquote>
            {s && (
              <figcaption>
                —{' '}
                <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
                  {s.publisher}
                </a>
                , {formatDate(s.published, lang)}
              </figcaption>
            )}
          </figure>
        );
      })}
    </details>
  );
}

export function FactItem({ fact, sources, lang, children }: { fact: FactView; sources: Sources; lang: string; children?: ComponentChildren }) {
  return (
    <li class={`fact attribution-${fact.attribution}${fact.disputes ? ' disputed' : ''}`} data-fact={fact.id}>
      <div class="fact-meta">
        <time dateTime={fact.date}>{formatDate(fact.date, lang)}</time>
        <span class="badge">{attributionLabel(fact.attribution, lang)}</span>
      </div>
      <CutText class="fact-text" text={fact.text} lang={lang} />
      {fact.quote && (
        <blockquote lang={fact.quote.lang}>
          “{fact.quote.text}” — {fact.quote.by}
        </blockquote>
      )}
      <SourceLinks ids={fact.sourceIds} sources={sources} lang={lang} />
      {fact.evidence && <Evidence evidence={fact.evidence} sources={sources} lang={lang} />}
      {fact.disputes && <Disputes disputes={fact.disputes} sources={sources} lang={lang} />}
      {children}
    </li>
  );
}
