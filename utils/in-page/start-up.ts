/**
 * Whether this document is one Backstory reads: an HTML page with a body. Whether its site is paused
 * is asked afterwards, and again whenever the reader pauses or resumes (pausable-reading.ts).
 */
export function isReadableDocument(): boolean {
  return !!document.body && !document.contentType?.includes('xml');
}
