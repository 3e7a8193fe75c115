import { sendFromContentScript as send } from './send';

/**
 * Whether Backstory reads this page at all: an HTML document with a body, on a site the reader has
 * not paused. Decided before anything is built or any listener added.
 */
export async function shouldReadPage(signal: AbortSignal): Promise<boolean> {
  if (!document.body || document.contentType?.includes('xml')) return false;
  // A worker that cannot answer does not keep Backstory off the page.
  const site = await send('site.state', {}).catch(() => ({ paused: false }));
  return !site.paused && !signal.aborted;
}
