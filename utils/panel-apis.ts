import { browser } from 'wxt/browser';

/** Firefox's sidebar: WXT's browser types are generated from Chrome's, so they do not declare it. */
interface SidebarAction {
  open(): Promise<void>;
}

/**
 * The extension API as both browsers really have it: Chrome's `sidePanel` is missing in Firefox (the
 * types declare it always), Firefox's `sidebarAction` is missing in Chrome. Open them synchronously in
 * the user's gesture: both browsers refuse an open that comes after an await.
 */
export const panelApis: Omit<typeof browser, 'sidePanel'> & { sidePanel?: typeof browser.sidePanel; sidebarAction?: SidebarAction } = browser;
