import { panelApis } from '../panel-apis';

/**
 * Open the side panel (Chrome) or sidebar (Firefox) from a click in the popup. Must run
 * before any await in the click handler: both browsers require the user's gesture.
 */
export function openPanelFromPopup(tabId: number): Promise<void> {
  const { sidePanel, sidebarAction: sidebar } = panelApis;
  if (sidePanel?.open) return sidePanel.open({ tabId });
  if (sidebar?.open) return sidebar.open();
  return Promise.reject(new Error('this browser has no side panel'));
}
