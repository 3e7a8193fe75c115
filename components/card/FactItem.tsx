import type { ComponentChildren } from 'preact';
import type { DisputeView, EvidenceView, FactView, SourceView } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { formatDate } from '@/utils/i18n/dates';
import { attributionLabel } from './labels';
import { SourceLink, safeHref } from './SourceLink';
import { CutText } from './CutText';

type Sources = Map<string, SourceView>;

function SourceLinks({ ids, sources }: { ids: string[]; sources: Sources }) {
  return (
    <div class="fact-sources">
      {ids.map((id) => {
        const s = sources.get(id);
        return s ? <SourceLink key={id} source={s} /> : null;
      })}
    </div>
  );
}

/** A denial (or any disputing fact) read beside the claim it disputes, with its own attribution and sources. */
function Disputes({ disputes, sources, lang }: { disputes: DisputeView[]; sources: Sources; lang?: string }) {
  return (
    <div class="disputes" role="group" aria-label={t('card.disputedBy')}>
      <div class="disputes-label">{t('card.disputedBy')}</div>
      {disputes.map((d) => (
        <div key={d.id} class={`dispute attribution-${d.attribution}`} data-disputes-with={d.id}>
          <div class="fact-meta">
            <time dateTime={d.date}>{formatDate(d.date)}</time>
            <span class="badge">{attributionLabel(d.attribution)}</span>
          </div>
          <CutText class="dispute-text" text={d.text} lang={lang} />
          <SourceLinks ids={d.sourceIds} sources={sources} />
        </div>
      ))}
    </div>
  );
}

/** The source's own words, folded: a native <details> opens with one click, Enter or Space. */
function Evidence({ evidence, sources }: { evidence: EvidenceView[]; sources: Sources }) {
  return (
    <details class="evidence">
      <summary>{t('card.whatSourceSays')}</summary>
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
                , {formatDate(s.published)}
              </figcaption>
            )}
          </figure>
        );
      })}
    </details>
  );
}

/** One fact; `lang` is the language its text is in (the pack's), marked on it for screen readers. */
export function FactItem({ fact, sources, lang, children }: { fact: FactView; sources: Sources; lang?: string; children?: ComponentChildren }) {
  return (
    <li class={`fact attribution-${fact.attribution}${fact.disputes ? ' disputed' : ''}`} data-fact={fact.id}>
      <div class="fact-meta">
        <time dateTime={fact.date}>{formatDate(fact.date)}</time>
        <span class="badge">{attributionLabel(fact.attribution)}</span>
      </div>
      <CutText class="fact-text" text={fact.text} lang={lang} />
      {fact.quote && (
        <blockquote lang={fact.quote.lang}>
          “{fact.quote.text}” — {fact.quote.by}
        </blockquote>
      )}
      <SourceLinks ids={fact.sourceIds} sources={sources} />
      {fact.evidence && <Evidence evidence={fact.evidence} sources={sources} />}
      {fact.disputes && <Disputes disputes={fact.disputes} sources={sources} lang={lang} />}
      {children}
    </li>
  );
}
