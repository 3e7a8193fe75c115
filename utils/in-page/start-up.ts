import { afterPaint } from './schedule';
import { NOT_SPACE, openShadowRoot } from './walk';

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

/**
 * In a frame, wait until the top page has loaded and painted before reading. Frames read earlier
 * made Chromium fetch images that the top page's Content-Security-Policy blocks (corpus.e2e, pages
 * with frames): a frame's layout needs its parent's, so the read forced the top page's first style
 * pass from the extension's world, and the loads that pass starts are not held to the page's policy.
 * Once the page has had its own first pass, a read starts nothing.
 */
export async function topPageSettled(signal: AbortSignal, win: Window = window): Promise<void> {
  if (win === win.top) return;
  const top = win.top!;
  if (top.document.readyState !== 'complete') await new Promise<void>((resolve) => top.addEventListener('load', () => resolve(), { once: true, signal }));
  // The frame's own next frame is the top page's too (one renderer); in a hidden tab, which paints
  // none, afterPaint gives up waiting after its short timeout.
  await afterPaint(signal, win.document);
}

/**
 * Whether `root` may hold something to read: a text node with something other than white space, or
 * a web component (an open shadow root, or a custom element that may get one), whose text the light
 * DOM does not show. Stops at the first.
 */
export function hasText(root: Node): boolean {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (NOT_SPACE.test((n as Text).data)) return true;
    } else {
      // As the walk decides: an element that may host an open shadow root, or a custom element that may get one.
      const tag = (n as Element).tagName;
      if (openShadowRoot(n as Element, tag) || tag.includes('-')) return true;
    }
  }
  return false;
}

/**
 * In a frame with no text yet, wait until some appears. Pages hold many empty about:blank frames
 * (ad slots, trackers: 28 on one corpus page), and each would otherwise build the highlighter, the
 * card and the observer, and ask the worker about its site, all on the top page's thread. The top
 * page never waits. A mutation batch is checked only for whether it added text. The document itself
 * is watched, not its element: a widget written with document.open() and write() replaces that.
 */
export function frameHasText(signal: AbortSignal, win: Window = window): Promise<void> {
  const body = win.document.body;
  if (win === win.top || !body || hasText(body)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!hasText(win.document.body ?? body)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(win.document, { childList: true, subtree: true, characterData: true });
    // The caller checks the signal when this settles.
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        resolve();
      },
      { once: true },
    );
  });
}
