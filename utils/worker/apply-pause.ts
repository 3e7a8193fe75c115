import { browser } from 'wxt/browser';
import { sendToTab } from './send-to-tab';
import { t } from '../i18n';

/** The toolbar button's API: Chrome's `action`, Firefox MV2's `browserAction` (the same calls). */
type ToolbarAction = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

function toolbarAction(): ToolbarAction | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: ToolbarAction }).browserAction;
}

/** What the toolbar button says when Backstory is paused: a short badge (about four characters fit) and its tooltip. */
export function pausedLabels(): { badge: string; title: string } {
  return { badge: t('popup.pausedBadge'), title: t('popup.pausedTitle') };
}

/** Muted, like the pages' secondary text: a paused state, not an alarm. */
const BADGE_COLOUR = '#6b6150';

/**
 * One tab's toolbar button shows whether Backstory is paused there. The browser forgets a tab's own
 * badge when the tab loads another page, and the new page's content script asks `site.state`, which
 * sets it again; the values live in the browser, so a restarted worker loses nothing.
 */
export async function showPausedInTab(tabId: number, paused: boolean): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const { badge, title } = pausedLabels();
  // Null, not '': a tab that is not paused shows the browser-wide badge (none unless paused everywhere).
  const text = (paused ? badge : null) as string;
  await Promise.all([
    action.setBadgeText({ tabId, text }),
    action.setTitle({ tabId, title: paused ? title : browser.runtime.getManifest().name }),
    paused ? action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }) : undefined,
  ]);
}

/**
 * The browser-wide badge: "paused everywhere" also shows on tabs Backstory does not read (a new tab
 * page). The browser forgets it when it restarts: set again on start-up.
 */
export async function showPausedEverywhere(pausedAll: boolean): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const { badge, title } = pausedLabels();
  await Promise.all([
    action.setBadgeText({ text: pausedAll ? badge : '' }),
    action.setTitle({ title: pausedAll ? title : browser.runtime.getManifest().name }),
    action.setBadgeBackgroundColor({ color: BADGE_COLOUR }),
  ]);
}

/**
 * After a pause or resume, every open tab asks for its own site's state and removes or restores its
 * highlights (`pause.recheck`). The extension has no "tabs" permission, so it cannot tell which tabs
 * show the site: each tab decides for itself, and a page learns only whether its own site is paused.
 * Resolves once the tab `waitFor` has replied (with its counts reported), or failed to: a resumed tab
 * in the background rescans at the pace the browser gives hidden tabs, and the popup waits for none
 * but its own. Tabs without a content script refuse at once.
 */
export async function recheckPauseInEveryTab(waitFor?: number): Promise<void> {
  const tabs = await browser.tabs.query({});
  let awaited: Promise<unknown> = Promise.resolve();
  for (const { id } of tabs) {
    if (id === undefined) continue;
    const done = sendToTab(id, 'pause.recheck').catch(() => {});
    if (id === waitFor) awaited = done;
  }
  await awaited;
}
