import { browser } from 'wxt/browser';

/**
 * The tab an extension page describes: `?tab=` when it was opened as a page (Firefox's fallback for
 * the side panel, tests, keyboard users), otherwise the active tab of its window.
 */
export async function currentTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
