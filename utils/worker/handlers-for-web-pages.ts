/**
 * The only handlers a web page can reach. The dispatcher refuses every other message from a content
 * script before any handler runs (dispatch.ts: the sender's tier comes from the browser), so this
 * file is the worker's whole surface towards web pages, and is kept apart to be reviewed alone.
 * Read it as if the page were hostile: a compromised renderer can send these messages at any rate,
 * from any frame, with any body the protocol's schemas accept.
 *
 * What a page can reach through them:
 *  - page.match: the mentions of the reader's packs in the text it sends (offsets, the keys of the
 *    entities found, their rows' flags), at most MAX_MATCH_CHARS a request; the text is kept nowhere;
 *    its top frame's request also records its tab's address, the browser's, when none is known;
 *  - entity.card: one entity's public card, never of a disabled or discreet pack, never a note;
 *  - page.report: its own tab's entity counts, title and address (an address of its own origin only);
 *  - site.state: whether its own site is paused (its top frame's call also sets its own tab's toolbar badge);
 *  - panel.open: the side panel of its own tab, at most once a second per tab;
 *  - mute.fromCard: mute an entity on its own site (the tab's host, from the browser) or everywhere,
 *    at most once a second per tab; mute.undoFromCard: lift only a mute its own card made. Neither
 *    says which other entities are muted; page.match says so only for the entities found in a page's text.
 * The tab is always the browser's (ctx.tabId), never one named in a payload; page.report and
 * panel.open refuse a private window. tests/unit/handlers.test.ts checks that this set is exactly the
 * protocol's "content" tier, so a page-reachable handler cannot land in another file unnoticed.
 */
import { getSources } from './store/packs';
import { matchTexts } from '../match/match-texts';
import { MessageError, type HandlerContext, type Handlers, type SenderInfo } from './dispatch';
import { cleanPageUrl } from '../url/clean-page-url';
import { originOf } from '../url/host';
import { cardSourceIds, nameIn, toCard } from './views';
import type { BackgroundDeps, HandlerKit } from './handlers-shared';
import { hostOf } from '../url/host';
import { muteId } from '../schema/mute';
import { createMuting } from './mutes';
import { createCardMuteLedger, memoryArea } from './card-mutes';

/** Shortest interval between two side-panel openings for one tab (a person does not click faster). */
export const PANEL_OPEN_INTERVAL_MS = 1000;

/** Shortest interval between two mutes from one tab's card (a person does not click faster). */
export const MUTE_FROM_CARD_INTERVAL_MS = 1000;

/** The site a content script's tab shows: the browser's word for it, never the message's. */
const senderHost = (ctx: HandlerContext) => hostOf(ctx.sender.tab?.url ?? ctx.sender.url);

/**
 * The manifest keeps the extension out of private windows; should a browser run it there anyway
 * (a policy, a future default), nothing seen in one may reach the profile's record of reading.
 */
function refusePrivate(ctx: HandlerContext, type: string) {
  if (ctx.sender.tab?.incognito) throw new MessageError('forbidden', `${type} is not accepted from a private window`);
}

/**
 * The reporting page's address. The browser's `sender.url` (which needs no "tabs" permission) is the
 * frame's address when its document loaded, so a single-page app's later routes would be missed:
 * the page's own `location.href` is kept instead when it has the same origin, which is no more than
 * the page could claim with `history.pushState` anyway.
 */
function pageUrl(sender: SenderInfo, claimed: string | undefined): string | null {
  const known = sender.url ?? sender.tab?.url ?? null;
  if (!known || !claimed) return known;
  const origin = originOf(known);
  return origin && originOf(claimed) === origin ? claimed : known;
}

export function createWebPageHandlers(deps: BackgroundDeps, kit: HandlerKit) {
  const { openDb, dict, entityOrThrow } = kit;
  const lastPanelOpen = new Map<number, number>();
  const lastCardMute = new Map<number, number>();
  const muting = createMuting(deps, kit);
  const ledger = deps.cardMutes ?? createCardMuteLedger(memoryArea());

  /** The tab a card's mute comes from: a tab of a normal window, with a site. */
  const cardTab = (ctx: HandlerContext, type: string) => {
    if (ctx.tabId === undefined) throw new MessageError('forbidden', `${type} must come from a tab`);
    refusePrivate(ctx, type);
    const host = senderHost(ctx);
    if (!host) throw new MessageError('forbidden', `${type} needs a page with a site`);
    return { tabId: ctx.tabId, host };
  };

  return {
    async 'page.match'({ texts }, ctx) {
      // A page asks this before its first report: the worker learns its address here too, so a
      // mute made before that report still reaches the tab (mutes.ts tells only tabs it knows).
      const tabUrl = ctx.sender.tab?.url;
      if (ctx.tabId !== undefined && (ctx.sender.frameId ?? 0) === 0 && !ctx.sender.tab?.incognito && tabUrl)
        await deps.tabs.knowAddress(ctx.tabId, cleanPageUrl(tabUrl));
      const found = await matchTexts(await dict(), texts);
      // Only the entities this answer names, and only for the sender's own site.
      const mutedHere = found.entities.length ? await muting.mutedHere(senderHost(ctx)) : new Set<string>();
      const muted = mutedHere.size ? found.entities.filter((k) => mutedHere.has(k)) : [];
      return { ...found, ...(muted.length ? { muted } : {}) };
    },

    async 'entity.card'({ key, lang }) {
      const rec = await entityOrThrow(key, { forWebPage: true });
      // Only the sources the card's facts and their disputes cite are read; toCard drops what a page needs not see.
      const ids = cardSourceIds(rec.entity);
      return toCard(key, rec.entity, await getSources(await openDb(), rec.packId, ids), lang ?? deps.browserLang());
    },

    async 'page.report'({ entities, reset, title, url, page }, ctx) {
      if (ctx.tabId === undefined) throw new MessageError('forbidden', 'page.report must come from a tab');
      refusePrivate(ctx, 'page.report');
      const frameId = ctx.sender.frameId ?? 0;
      // The tab's URL is offered to new notes and counts them: it is stored already cleaned.
      const address = pageUrl(ctx.sender, url);
      await deps.tabs.report(ctx.tabId, { frameId, reset, entities, url: address ? cleanPageUrl(address) : null, title: title?.trim() || null, page });
      return {};
    },

    async 'site.state'(_req, ctx) {
      const url = ctx.sender.tab?.url ?? ctx.sender.url;
      const paused = await deps.settings.isPaused(url);
      // Every new page asks this first: its top frame keeps its tab's toolbar badge right (the browser
      // clears a tab's badge on navigation). A failure to set it does not fail the page's question.
      if (ctx.tabId !== undefined && (ctx.sender.frameId ?? 0) === 0) await deps.showPaused?.(ctx.tabId, paused).catch(() => {});
      return { paused };
    },

    'panel.open'({ key, quote }, ctx) {
      const tabId = ctx.tabId;
      if (tabId === undefined) throw new MessageError('forbidden', 'panel.open must come from a tab');
      refusePrivate(ctx, 'panel.open');
      // A page that forges clicks (or a compromised renderer) must not open a tab a second, as the
      // Firefox fallback would: one opening per tab per interval.
      const now = (deps.now ?? Date.now)();
      if (now - (lastPanelOpen.get(tabId) ?? -Infinity) < PANEL_OPEN_INTERVAL_MS) throw new MessageError('forbidden', 'panel.open too often');
      lastPanelOpen.set(tabId, now);
      // open() first, before any await, or the browser no longer sees the user's click. The focus
      // changes only once the panel did open: a refused open must not choose what the panel shows.
      return deps.openSidePanelForTab(tabId).then(async (via) => {
        await deps.tabs.setFocus(tabId, key, quote?.trim() || null);
        return { opened: true, via };
      });
    },

    async 'mute.fromCard'({ key, scope }, ctx) {
      const { tabId, host } = cardTab(ctx, 'mute.fromCard');
      const now = (deps.now ?? Date.now)();
      if (now - (lastCardMute.get(tabId) ?? -Infinity) < MUTE_FROM_CARD_INTERVAL_MS) throw new MessageError('forbidden', 'mute.fromCard too often');
      lastCardMute.set(tabId, now);
      // The card shows only entities a page may see: a discreet or disabled pack's is not-found here too.
      const rec = await entityOrThrow(key, { forWebPage: true });
      const { mute, created } = await muting.add(rec.key, nameIn(rec.entity.name, deps.browserLang()), scope, host);
      // Only a mute this call created may be undone from the card: one the reader made elsewhere
      // (the side panel, another tab) stays theirs, or a page could lift it with a mute and an undo.
      if (created) await ledger.remember(tabId, mute.id);
      return {};
    },

    async 'mute.undoFromCard'({ key, scope }, ctx) {
      const { tabId, host } = cardTab(ctx, 'mute.undoFromCard');
      const id = muteId(key, scope === 'site' ? host : null);
      if (!(await ledger.take(tabId, id))) throw new MessageError('forbidden', 'only a mute this tab’s card made can be undone from it');
      await muting.remove(id);
      return { muted: (await muting.mutedHere(host)).has(key) };
    },
  } satisfies Partial<Handlers>;
}
