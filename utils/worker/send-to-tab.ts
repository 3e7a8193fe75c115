import { browser } from 'wxt/browser';
import { tabMessage, type TabBody, type TabMessage, type TabMessageType, type TabReply } from '../messaging/tab-protocol';

/** Send a message of the tab protocol to the content script of a tab (every frame); resolves to its reply. */
export function sendToTab<T extends TabMessageType>(tabId: number, type: T, body?: TabBody<T>): Promise<TabReply<T>> {
  return browser.tabs.sendMessage<TabMessage<T>, TabReply<T>>(tabId, tabMessage(type, body));
}
