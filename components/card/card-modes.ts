/**
 * The card in the reader's display modes, on top of CARD_CSS and the "Not this one" styles (card-host.ts
 * puts this sheet after both, so equal selectors win here). Media queries inside the closed shadow root
 * follow the reader's browser, never the page: a page cannot turn the card dark, light or motionless.
 *
 * - Dark (`prefers-color-scheme: dark`): a warm dark card, with the same hues as the light one.
 * - Forced colours (Windows High Contrast and the like): the browser replaces every colour with the
 *   reader's system colours by itself; what it would lose are the buttons drawn only by a background
 *   (`all: unset`), so they get a border in system colours, and links and focus rings say what they are.
 * - Motion: the card fades in only for readers who have not asked for reduced motion.
 *
 * Pack text and the entity's name may be in another direction than the card's (which follows the UI
 * language): each is isolated and takes its direction from its own first letters, like dir="auto".
 */
export const CARD_MODES_CSS = `
.summary, .fact-text, .dispute-text, blockquote { unicode-bidi: plaintext; }
@media (prefers-reduced-motion: no-preference) {
  .card { animation: card-in 120ms ease-out; }
  @keyframes card-in { from { opacity: 0; } }
}
@media (prefers-color-scheme: dark) {
  .card { color-scheme: dark; background: #1f1d1a; color: #ece6da; border-color: #4d463a; box-shadow: 0 6px 24px rgba(0,0,0,.55); }
  .close { color: #cfc6b4; }
  .close:focus-visible, .open:focus-visible, .cut-toggle:focus-visible, .nto button:focus-visible { outline-color: #f2bd55; }
  .fact, .more, .nto { border-color: #3b362d; }
  .fact-meta, .fact-sources, .more, .error, .loading { color: #b9ae98; }
  .badge { border-color: #5c5445; }
  .attribution-company-statement .badge, .attribution-self-description .badge { background: #2e2740; border-color: #625487; }
  .attribution-regulator .badge, .attribution-court .badge { background: #1e3326; border-color: #44704f; }
  a, .cut-toggle { color: #f2bd55; }
  blockquote { color: #d6cfc1; }
  .disputes { border-color: #6f5fa3; }
  .disputes-label { color: #c6b8f2; }
  .open { background: #f1e8d4; color: #1d1d1f; }
  .brand { color: #a39a86; }
  .nto button { background: #2a2824; color: #ece6da; border-color: #5c5445; }
  .nto .nto-toggle { background: none; border-color: transparent; color: #b9ae98; }
  .nto-status { color: #ddd5c4; }
}
@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; }
  .open, .close, .cut-toggle, .nto button { color: ButtonText; background: ButtonFace; border: 1px solid ButtonText; border-radius: 4px; }
  .close { padding: 0 4px 2px; }
  .cut-toggle { padding: 0 4px; }
  .nto .nto-toggle { border-color: ButtonText; padding: 2px 8px; }
  .nto button[disabled] { color: GrayText; border-color: GrayText; opacity: 1; }
  a { color: LinkText; }
  .close:focus-visible, .open:focus-visible, .cut-toggle:focus-visible, .nto button:focus-visible { outline: 2px solid Highlight; }
  .disputes { border-color: CanvasText; }
}
`;
