import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(o: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Open the side panel (Chrome) or sidebar (Firefox) from a click in the popup. Must run
 * before any await in the click handler: both browsers require the user's gesture.
 */
export function openPanelFromPopup(tabId: number): Promise<void> {
  const g = globalThis as unknown as { chrome?: PanelApis };
  if (g.chrome?.sidePanel?.open) return g.chrome.sidePanel.open({ tabId });
  const sidebar = (browser as unknown as PanelApis).sidebarAction;
  if (sidebar?.open) return sidebar.open();
  return Promise.reject(new Error('this browser has no side panel'));
}
