import { browser } from 'wxt/browser';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPackTexts } from '@/utils/worker/store/seed';
import { createHandlers } from '@/utils/worker/handlers';
import { createDbHandle } from '@/utils/worker/db-handle';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { openSidePanelForTab } from '@/utils/worker/panel';
import { sendToTab } from '@/utils/worker/send-to-tab';
import { createCardMuteLedger } from '@/utils/worker/card-mutes';
import { recheckPauseInEveryTab, showPausedEverywhere, showPausedInTab } from '@/utils/worker/apply-pause';
import { uiLang } from '@/utils/i18n';

/** Set by the build (wxt.config.ts): the packs shipped in packs/ and one key for their text. */
declare const __BUNDLED_PACKS__: { key: string; files: string[] };

/** The shipped packs' text, read from the extension's own files (no network): only when the key changed. */
const loadBundledTexts = () => Promise.all(__BUNDLED_PACKS__.files.map((f) => fetch(`/packs/${f}`).then((r) => r.text())));

export default defineBackground(() => {
  const handle = createDbHandle({
    open: (hooks) => openBackstoryDB(undefined, hooks),
    // Seeding on every new connection is cheap (one hash of the packs' text) and repairs a database cleared underneath us.
    seed: (d) => seedBundledPackTexts(d, __BUNDLED_PACKS__.key, loadBundledTexts),
  });
  const db = handle.get;

  // One store: its per-tab write queue must see every writer, closing tabs included.
  const tabs = createTabStateStore(browser.storage.session);
  const cardMutes = createCardMuteLedger(browser.storage.session);
  const settings = createSettingsStore(db);
  // The catalogue's language: pack text then matches the words around it.
  const browserLang = uiLang;
  const showPausedAll = () => settings.read().then((s) => showPausedEverywhere(s.pausedAll));
  const handlers = createHandlers({
    db,
    tabs,
    settings,
    browserLang,
    openSidePanelForTab,
    reseed: () => handle.reseed(),
    seedProblem: handle.seedProblem,
    clearTabs: () => browser.storage.session.clear(),
    cardMutes,
    openTabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    tellTab: (tabId, change) => sendToTab(tabId, 'entity.muted', change),
    applyPause: (waitFor) => Promise.all([showPausedAll(), recheckPauseInEveryTab(waitFor)]).then(() => {}),
    showPaused: (tabId, paused) => showPausedInTab(tabId, paused),
  });
  const env = { extensionId: browser.runtime.id, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: unknown) => void) => {
    // dispatch always resolves, to a reply or to an error envelope.
    void dispatch(handlers, msg, sender, env).then(sendResponse);
    return true;
  });

  // A failure here is not kept: the next request opens again.
  browser.runtime.onInstalled.addListener(() => void db().catch((e) => console.error('Backstory: opening the database failed', e)));

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.clear(tabId);
    void cardMutes.clear(tabId);
  });
  // The browser forgets the toolbar badge when it restarts (or the extension reloads): "paused everywhere" shows again.
  const logBadgeFailure = (e: unknown) => console.error('Backstory: setting the toolbar badge failed', e);
  browser.runtime.onStartup.addListener(() => void showPausedAll().catch(logBadgeFailure));
  browser.runtime.onInstalled.addListener(() => void showPausedAll().catch(logBadgeFailure));

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'next-mention' && tab?.id !== undefined) void sendToTab(tab.id, 'mention.next').catch(() => {});
    if (command === 'previous-mention' && tab?.id !== undefined) void sendToTab(tab.id, 'mention.previous').catch(() => {});
  });
});
