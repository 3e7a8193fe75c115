import type { DB } from './store/db';
import { describeStorageError } from './store/db';
import {
  getEntity,
  getSources,
  installPack,
  listPacks,
  loadDictionary,
  removePack,
  PackConflictError,
  PackDowngradeError,
  planInstall,
  deleteAllData,
  setPackEnabled,
  setPackDiscreet,
  isDiscreet,
} from './store/packs';
import {
  countNotesForPage,
  deleteNote,
  deleteQuarantinedNotes,
  importNotes,
  listNotes,
  listNotesByEntity,
  listQuarantinedNotes,
  putNote,
  QuarantineChangedError,
} from './store/notes';
import { parseNotesJson } from '../export/json';
import { lookupRows, startersAmong, type Dictionary } from '../match/dictionary';
import { problemLine } from '../schema/problems';
import { parsePackText, type PackResult } from '../schema/validate';
import { MessageError, type HandlerContext, type Handlers, type SenderInfo } from './dispatch';
import type { PackPreview } from '../messaging/protocol';
import { cleanPageUrl } from '../url/clean-page-url';
import { hostOf, originOf } from '../url/host';
import { toCard, toSheet, pickLang } from './views';
import type { TabStateStore } from './tab-state';
import type { SettingsStore } from './settings';

export interface BackgroundDeps {
  db: () => Promise<DB>;
  tabs: TabStateStore;
  settings: SettingsStore;
  /** The reader's language: the browser's UI language, used when a request names none. */
  browserLang: () => string;
  /** Opens the browser's side panel / sidebar for a tab. Must be called synchronously in a gesture. */
  openSidePanelForTab: (tabId: number) => Promise<string>;
  /** Re-install the bundled packs (after "delete all data"). */
  reseed?: (db: DB) => Promise<unknown>;
  /** Why the bundled packs may be missing (their seeding failed), or null. */
  seedProblem?: () => string | null;
  /** Forget every tab's session state. */
  clearTabs?: () => Promise<void>;
  /** Clock (tests). */
  now?: () => number;
}

function preview(r: PackResult & { ok: true }): PackPreview {
  const p = r.pack;
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    entities: p.entities.length,
    facts: p.entities.reduce((n, e) => n + e.facts.length, 0),
    sources: p.sources.length,
    aliases: p.entities.reduce((n, e) => n + e.aliases.length, 0),
  };
}

function asMessageError(e: unknown): MessageError {
  if (e instanceof MessageError) return e;
  if (e instanceof PackConflictError) return new MessageError('bad-request', e.message);
  return new MessageError('storage', describeStorageError(e));
}

/** Runs `work` and rethrows its failure as a message error: a store failure becomes a `storage` error (see asMessageError). */
async function asStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw asMessageError(e);
  }
}

/** Shortest interval between two side-panel openings for one tab (a person does not click faster). */
export const PANEL_OPEN_INTERVAL_MS = 1000;
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

export function createHandlers(deps: BackgroundDeps): Handlers {
  const lastPanelOpen = new Map<number, number>();
  // A database that cannot be opened (blocked by another page, broken) is a storage error the reader can act on.
  const openDb = () => asStorageErrors(deps.db);
  let dictionary: Promise<Dictionary> | null = null;
  const dict = () =>
    (dictionary ??= Promise.all([openDb(), deps.settings.read()])
      .then(([db, settings]) => loadDictionary(db, { typo: settings.typoTolerance }))
      .catch((e) => ((dictionary = null), Promise.reject(e))));
  const invalidate = () => {
    dictionary = null;
  };

  async function entityOrThrow(key: string, opts: { forWebPage?: boolean } = {}) {
    const rec = await getEntity(await openDb(), key, opts);
    if (!rec) throw new MessageError('not-found', `no entity "${key}"`);
    return rec;
  }

  return {
    async 'dict.lookup'({ words, pairs }) {
      const d = await dict();
      return { ...lookupRows(d, [...words, ...pairs]), starters: startersAmong(d, words) };
    },

    async 'entity.card'({ key, lang }) {
      const rec = await entityOrThrow(key, { forWebPage: true });
      const card = toCard(key, rec.entity, [], lang ?? deps.browserLang());
      const ids = card.facts.flatMap((f) => f.sourceIds);
      return { ...card, sources: (await getSources(await openDb(), rec.packId, ids)).map((s) => ({ ...s })) };
    },

    async 'page.report'({ entities, reset, title, url }, ctx) {
      if (ctx.tabId === undefined) throw new MessageError('forbidden', 'page.report must come from a tab');
      refusePrivate(ctx, 'page.report');
      const frameId = ctx.sender.frameId ?? 0;
      // The tab's URL is offered to new notes and counts them: it is stored already cleaned.
      const address = pageUrl(ctx.sender, url);
      await deps.tabs.report(ctx.tabId, { frameId, reset, entities, url: address ? cleanPageUrl(address) : null, title: title?.trim() || null });
      return {};
    },

    async 'site.state'(_req, ctx) {
      const url = ctx.sender.tab?.url ?? ctx.sender.url;
      return { paused: await deps.settings.isPaused(url) };
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

    async 'entity.sheet'({ key, lang }) {
      const db = await openDb();
      const rec = await entityOrThrow(key);
      const allSourceIds = rec.entity.facts.flatMap((f) => f.sourceIds);
      const sources = await getSources(db, rec.packId, allSourceIds);
      const related: { key: string; name: string }[] = [];
      for (const r of rec.entity.related ?? []) {
        const other = await getEntity(db, `${rec.packId}:${r}`);
        if (other) related.push({ key: other.key, name: other.entity.name });
      }
      const pack = await db.get('packs', rec.packId);
      return toSheet(key, rec.entity, sources, lang ?? deps.browserLang(), {
        related,
        pack: { id: rec.packId, name: pack?.name ?? rec.packId, version: pack?.version ?? '' },
      });
    },

    async 'tab.state'({ tabId, lang }) {
      const state = await deps.tabs.get(tabId);
      const db = await openDb();
      const wanted = lang ?? deps.browserLang();
      const entities = [];
      for (const [key, count] of Object.entries(state?.counts ?? {})) {
        const rec = await getEntity(db, key);
        if (!rec) continue;
        entities.push({ key, name: rec.entity.name, kind: rec.entity.kind, summary: rec.entity.summary[pickLang(rec.entity.summary, wanted)], count });
      }
      entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      const host = hostOf(state?.url);
      return {
        url: state?.url ?? null,
        host,
        title: state?.title ?? null,
        entities,
        focus: state?.focus ?? null,
        quote: state?.quote ?? null,
        paused: await deps.settings.isPaused(state?.url ?? undefined),
        pausedAll: (await deps.settings.read()).pausedAll,
        notesOnPage: state?.url ? await countNotesForPage(db, state.url) : 0,
      };
    },

    async 'panel.focus'({ tabId, key }) {
      await deps.tabs.setFocus(tabId, key);
      return {};
    },

    async 'site.pause'({ host, paused }) {
      await (host === '*' ? deps.settings.setPausedAll(paused) : deps.settings.setPaused(host, paused));
      return {};
    },

    async 'settings.get'() {
      const s = await deps.settings.read();
      return { typoTolerance: s.typoTolerance, pausedHosts: s.pausedHosts };
    },

    async 'settings.set'({ typoTolerance }) {
      await asStorageErrors(() => deps.settings.setTypoTolerance(typoTolerance));
      invalidate();
      return {};
    },

    async 'packs.list'() {
      const packs = await listPacks(await openDb());
      return {
        packs: packs.map((p) => ({
          id: p.id,
          name: p.name,
          version: p.version,
          bundled: p.bundled,
          enabled: p.enabled,
          discreet: isDiscreet(p),
          entityCount: p.entityCount,
          factCount: p.factCount,
          sourceCount: p.sourceCount,
          languages: p.languages,
          license: p.license,
        })),
        seedProblem: deps.seedProblem?.() ?? null,
      };
    },

    async 'pack.preview'({ text }) {
      const r = parsePackText(text);
      if (!r.ok) return { ok: false, errors: r.errors.slice(0, 500) };
      // The preview refuses what the import would refuse, so the reader learns it before confirming.
      try {
        const planned = await planInstall(await openDb(), r.pack, { bundled: false });
        return { ok: true, preview: { ...preview(r), ...planned }, errors: [] };
      } catch (e) {
        if (!(e instanceof PackConflictError)) throw asMessageError(e);
        return { ok: false, errors: [{ path: e instanceof PackDowngradeError ? 'version' : 'id', message: e.message }] };
      }
    },

    async 'pack.import'({ text, discreet }) {
      const r = parsePackText(text);
      if (!r.ok) return { ok: false, errors: r.errors.slice(0, 500) };
      const outcome = await asStorageErrors(async () => installPack(await openDb(), r.pack, { bundled: false, discreet: discreet ?? true }));
      invalidate();
      return { ok: true, outcome, preview: preview(r), errors: [] };
    },

    async 'pack.remove'({ id }) {
      const db = await openDb();
      const rec = await db.get('packs', id);
      if (!rec) throw new MessageError('not-found', `no pack "${id}"`);
      await asStorageErrors(() => removePack(db, id));
      invalidate();
      return {};
    },

    async 'pack.enable'({ id, enabled }) {
      await asStorageErrors(async () => setPackEnabled(await openDb(), id, enabled));
      invalidate();
      return {};
    },

    async 'pack.discreet'({ id, discreet }) {
      await asStorageErrors(async () => setPackDiscreet(await openDb(), id, discreet));
      invalidate();
      return {};
    },

    async 'notes.list'({ entityKey }) {
      const db = await openDb();
      return entityKey ? listNotesByEntity(db, entityKey) : listNotes(db);
    },

    async 'note.save'({ note }) {
      return { note: await asStorageErrors(async () => putNote(await openDb(), note)) };
    },

    async 'notes.quarantined'() {
      return { rows: await asStorageErrors(async () => listQuarantinedNotes(await openDb())) };
    },

    async 'notes.quarantined.delete'({ count }) {
      try {
        return { deleted: await deleteQuarantinedNotes(await openDb(), count) };
      } catch (e) {
        throw e instanceof QuarantineChangedError ? new MessageError('bad-request', e.message) : asMessageError(e);
      }
    },

    async 'notes.import'({ text }) {
      // One line in the data panel: the first few problems, then how many more.
      const parsed = parseNotesJson(text.replace(/^\uFEFF/, ''), 5);
      if (!parsed.ok) return { ok: false, imported: 0, error: parsed.problems.map((p) => problemLine(p, true)).join('; ') };
      const imported = await asStorageErrors(async () => importNotes(await openDb(), parsed.notes));
      return { ok: true, imported };
    },

    async 'data.deleteAll'() {
      const db = await openDb();
      await asStorageErrors(() => deleteAllData(db));
      invalidate();
      await deps.clearTabs?.();
      await deps.reseed?.(db);
      return {};
    },

    async 'note.delete'({ id }) {
      await asStorageErrors(async () => deleteNote(await openDb(), id));
      return {};
    },
  };
}
