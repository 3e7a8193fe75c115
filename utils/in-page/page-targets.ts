/**
 * The pages and frames both content scripts (the main one and the card's) run in. Embedded posts and
 * comment widgets live in frames: each frame whose text the top page could read (same origin, or
 * about:blank / srcdoc written by it) gets its own scan; cross-origin frames return at once
 * (isReadableDocument).
 */
export const PAGE_TARGETS = {
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
};
