/**
 * Calls `onChange` when the page's address changes without a load: a single-page app's new route.
 * WXT's own watcher ("wxt:locationchange") announces every change with an event on `window`, which
 * the page's scripts can hear (a sign that the extension is there) and forge (a rescan on demand):
 * this one tells no one. The Navigation API says when an address changes; where a browser lacks it,
 * the address is compared once a second.
 */
export function watchRoute(onChange: () => void, signal: AbortSignal, pollMs = 1000) {
  let last = location.href;
  const changed = (href: string) => {
    if (href === last || signal.aborted) return;
    last = href;
    onChange();
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    // A navigation's destination is known when it starts (as WXT does): the rescan waits for the new content anyway.
    nav.addEventListener('navigate', (e) => changed((e as Event & { destination: { url: string } }).destination.url), { signal });
    return;
  }
  const timer = setInterval(() => changed(location.href), pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
