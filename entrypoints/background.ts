import { browser } from 'wxt/browser';
import { openBackstoryDB, type DB } from '@/utils/store/db';
import { seedBundledPacks } from '@/utils/store/seed';
import { createHandlers } from '@/utils/background/handlers';
import { createTabStateStore } from '@/utils/background/tab-state';
import { createSettingsStore } from '@/utils/background/settings';
import { dispatch } from '@/utils/messaging/server';
import { openPanel } from '@/utils/background/panel';

const bundled = Object.values(import.meta.glob('../assets/packs/*.json', { eager: true, import: 'default' }));

export default defineBackground(() => {
  let dbPromise: Promise<DB> | null = null;
  const db = (): Promise<DB> =>
    (dbPromise ??= openBackstoryDB(undefined, {
      onBlocking: () => (dbPromise = null),
      onTerminated: () => (dbPromise = null),
    }).then(async (d) => {
      // Seeding on every start is cheap (hash compare) and repairs a database cleared underneath us.
      const report = await seedBundledPacks(d, bundled);
      if (report.errors.length) console.error('Backstory: a bundled pack is invalid', report.errors);
      return d;
    }));

  // One store: its per-tab write queue must see every writer, closing tabs included.
  const tabs = createTabStateStore(browser.storage.session);
  const handlers = createHandlers({
    db,
    tabs,
    settings: createSettingsStore(db),
    uiLang: () => browser.i18n.getUILanguage(),
    openPanel,
    reseed: (d) => seedBundledPacks(d, bundled),
    clearTabs: () => browser.storage.session.clear(),
  });
  const env = { extensionId: browser.runtime.id, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: unknown) => void) => {
    dispatch(handlers, msg, sender, env).then(sendResponse);
    return true;
  });

  browser.runtime.onInstalled.addListener(() => void db());

  browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId));

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'next-mention' && tab?.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: 'mention.next' }).catch(() => {});
  });
});
