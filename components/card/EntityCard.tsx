import type { CardView } from '@/utils/messaging/protocol';
import { plural, t, uiLang } from '@/utils/i18n';
import { FactItem } from './FactItem';
import { NotThisOne, type CardDismissal } from './NotThisOne';

export interface EntityCardProps {
  card: CardView | null;
  error?: string | null;
  onOpenPanel: () => void;
  onClose: () => void;
  /** "Not this one" (absent where the card is shown for no mention). */
  notThisOne?: CardDismissal;
}

/** The public hover card: pack content only, never notes or anything about the reader. */
export function EntityCard({ card, error, onOpenPanel, onClose, notThisOne }: EntityCardProps) {
  const sources = new Map((card?.sources ?? []).map((s) => [s.id, s]));
  return (
    // A non-modal dialog: keyboard readers land in it (its heading takes focus) and Esc closes it;
    // named by the entity's name, described by its summary. Ids are scoped to the card's shadow root.
    // Our words are in the UI's language; the pack's (summary, facts) say their own, which may differ.
    <div
      class="card"
      role="dialog"
      aria-labelledby="card-name"
      aria-describedby={card ? 'card-summary' : undefined}
      aria-busy={!card && !error}
      lang={uiLang()}
    >
      {/* Not the page's banner and contentinfo: a card shown would add landmarks to every page. */}
      <header role="none">
        {/* Focusable from script only: a card opened from the keyboard starts here (card-host.ts). */}
        <strong class="name" id="card-name" dir="auto" tabIndex={-1}>
          {card?.name ?? '…'}
        </strong>
        <button class="close" type="button" aria-label={t('card.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {error ? (
        <p class="error">{t('card.unavailable')}</p>
      ) : !card ? (
        <p class="loading">{t('card.loading')}</p>
      ) : (
        <>
          <div class="body">
            <p class="summary" id="card-summary" lang={card.lang}>
              {card.summary}
            </p>
            <ul class="facts">
              {card.facts.map((f) => (
                <FactItem key={f.id} fact={f} sources={sources} lang={card.lang} />
              ))}
            </ul>
          </div>
          {/* Outside the scrolling body: the reader sees there is more without scrolling the card. */}
          {card.factCount > card.facts.length && <p class="more">{plural('card.moreFacts', card.factCount - card.facts.length)}</p>}
          <footer role="none">
            <button class="open" type="button" onClick={onOpenPanel}>
              {t('card.openPanelButton')}
            </button>
            <span class="brand">{t('ext.name')}</span>
          </footer>
          {notThisOne && <NotThisOne key={notThisOne.id} actions={notThisOne} name={card.name} />}
        </>
      )}
    </div>
  );
}

/**
 * Card styles: px units and generic fonts only, so page CSS and @font-face cannot reach in. The host's
 * own rule is written by card-host.ts, which owns its placement.
 */
export const CARD_CSS = `
.card { box-sizing: border-box; width: var(--w, 360px); max-height: var(--h, 420px); display: flex; flex-direction: column; overflow: hidden; background: #fffdf7; color: #1d1d1f;
  border: 1px solid #d8cfb8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px;
  font: 13px/1.45 system-ui, sans-serif; text-align: start; unicode-bidi: isolate; }
.body { overflow: auto; min-height: 0; flex: 1 1 auto; }
[data-more-below] .body { -webkit-mask-image: linear-gradient(#000 calc(100% - 28px), transparent); }
[data-more-above] .body { -webkit-mask-image: linear-gradient(transparent, #000 28px); }
[data-more-above][data-more-below] .body { -webkit-mask-image: linear-gradient(transparent, #000 28px, #000 calc(100% - 28px), transparent); }
header { flex: none; display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.name { font-size: 15px; font-weight: 650; }
.name:focus-visible { outline: 2px solid #b07800; outline-offset: 2px; }
.close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 0 4px; color: #555; }
.close:focus-visible, .open:focus-visible, .cut-toggle:focus-visible { outline: 2px solid #b07800; outline-offset: 2px; }
.summary { margin: 6px 0 8px; }
.facts { list-style: none; margin: 0; padding: 0; }
.fact { border-top: 1px solid #eee5cf; padding: 6px 0; }
.fact-meta { display: flex; gap: 6px; align-items: center; font-size: 11px; color: #6b6150; }
.badge { border: 1px solid #d8cfb8; border-radius: 3px; padding: 0 4px; }
.attribution-company-statement .badge, .attribution-self-description .badge { background: #f3ecff; border-color: #cdbcf0; }
.attribution-regulator .badge, .attribution-court .badge { background: #e9f4ec; border-color: #b7d8c0; }
.fact-text { margin: 2px 0; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
.fact-text.uncut, .dispute-text.uncut { display: block; }
.cut-toggle { all: unset; cursor: pointer; font-size: 11px; color: #7a4f00; text-decoration: underline; }
blockquote { margin: 2px 0; margin-inline-start: 8px; color: #444; font-style: italic; }
.fact-sources { font-size: 11px; color: #6b6150; }
.fact-sources .source + .source::before { content: ' · '; }
.disputes { margin: 4px 0 0; margin-inline-start: 8px; padding: 4px 0 2px; padding-inline-start: 8px; border-inline-start: 3px solid #cdbcf0; }
.disputes-label { font-size: 11px; font-weight: 600; color: #5a4a80; }
.dispute-text { margin: 2px 0; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
a { color: #7a4f00; }
.more { flex: none; font-size: 11px; color: #6b6150; margin: 6px 0 0; border-top: 1px solid #eee5cf; padding-top: 4px; }
footer { flex: none; display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 6px 8px; margin-top: 8px; }
.open { all: unset; cursor: pointer; background: #1d1d1f; color: #fff; border-radius: 5px; padding: 5px 10px; font: 600 12px/1.4 system-ui, sans-serif; }
.brand { font-size: 10px; color: #6b6150; letter-spacing: .04em; }
.error, .loading { color: #6b6150; }
`;
