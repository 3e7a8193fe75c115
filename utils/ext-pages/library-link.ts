import { browser } from 'wxt/browser';
import { filterToParams, NO_FILTER, type NoteFilter } from '../notes-search';

/**
 * The notes library (entrypoints/library/) on a filter, written as the library reads its address
 * (`filterToParams`): `?page=` holds a page's cleaned address as the worker stores it, `?entity=` a key.
 */
export function libraryPath(filter: Partial<NoteFilter> = {}): string {
  const p = filterToParams({ ...NO_FILTER, ...filter }).toString();
  return p ? `/library.html?${p}` : '/library.html';
}

/** The library's full address; the path is a contract with the library page, so the build's list of pages is not consulted. */
export function libraryUrl(filter: Partial<NoteFilter> = {}): string {
  return browser.runtime.getURL(libraryPath(filter) as '/popup.html');
}

/** Open the library in a new tab (no "tabs" permission needed to create one). */
export function openLibrary(filter: Partial<NoteFilter> = {}): Promise<unknown> {
  return browser.tabs.create({ url: libraryUrl(filter) });
}
