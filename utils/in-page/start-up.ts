/**
 * Whether this document is one Backstory reads: an HTML page with a body, in the top frame or in a
 * frame of the top page's origin. Whether its site is paused is asked afterwards, and again whenever
 * the reader pauses or resumes (pausable-reading.ts).
 */
export function isReadableDocument(): boolean {
  return !!document.body && !document.contentType?.includes('xml') && sameOriginAsTop();
}

/**
 * A frame the top page can read (same origin, or about:blank / srcdoc, which take their parent's):
 * reading the top's address throws for any other. Cross-origin frames (ads, other sites' widgets)
 * are left alone: their mentions would be counted under a page that is not theirs.
 */
export function sameOriginAsTop(win: Window = window): boolean {
  if (win === win.top) return true;
  try {
    // `origin`, not `location.origin`: about:blank and srcdoc frames inherit their creator's origin, not their URL's.
    return win.top?.origin === win.origin;
  } catch {
    return false;
  }
}
