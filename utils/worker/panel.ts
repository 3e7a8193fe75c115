import { browser } from 'wxt/browser';
import { panelApis } from '../panel-apis';

/**
 * Open the browser's own side panel for a tab. Must be called synchronously from the message
 * listener that relays the user's click, before any await, or the browser refuses it.
 * Chrome: sidePanel.open accepts a click relayed from a content script. Firefox does not count that
 * as a user action, so there the fact sheet opens in a tab next to the page.
 */
export function openSidePanelForTab(tabId: number): Promise<string> {
  const { sidePanel, sidebarAction: sidebar } = panelApis;
  if (sidePanel?.open) return sidePanel.open({ tabId }).then(() => 'sidePanel');
  if (sidebar?.open)
    return sidebar.open().then(
      () => 'sidebar',
      () => openTab(),
    );
  return openTab();

  function openTab() {
    return browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') + `?tab=${tabId}`, openerTabId: tabId }).then(() => 'tab');
  }
}
