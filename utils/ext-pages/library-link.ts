import { browser } from 'wxt/browser';

/**
 * The notes library (entrypoints/library/), and the one filter other pages link to: `?page=` holds a
 * page's cleaned address (as the worker stores it), encoded, and the library lists that page's notes.
 */
export function libraryPath(page?: string | null): string {
  return page ? `/library.html?page=${encodeURIComponent(page)}` : '/library.html';
}

/** The library's full address; the path is a contract with the library page, so the build's list of pages is not consulted. */
export function libraryUrl(page?: string | null): string {
  return browser.runtime.getURL(libraryPath(page) as '/popup.html');
}

/** Open the library in a new tab (no "tabs" permission needed to create one). */
export function openLibrary(page?: string | null): Promise<unknown> {
  return browser.tabs.create({ url: libraryUrl(page) });
}
