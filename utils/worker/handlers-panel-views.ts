import { getEntity, getSources } from './store/packs';
import { countNotesForPage, listNotesByEntity } from './store/notes';
import { briefingSourceIds, toBriefingEntity } from './briefing-view';
import { mutedOn } from './store/mutes';
import type { Handlers } from './dispatch';
import { hostOf } from '../url/host';
import { toSheet, pickLang, relationsOf, nameIn } from './views';
import type { RelationKind } from '../schema/pack';
import type { BackgroundDeps, HandlerKit } from './handlers-shared';

/** What the side panel and the popup show: an entity's fact sheet, what is known of a tab, the panel's focus. */
export function createPanelViewHandlers(deps: BackgroundDeps, { openDb, entityOrThrow, readMutes }: HandlerKit) {
  /**
   * The entities a tab's page names, with their counts, as the popup, the panel's list and the briefing
   * show them: none while its site is paused (even before its content script has reported its empty
   * counts), and none muted on its site (a report sent just before a mute must not list it either).
   */
  const countsShown = async (state: Awaited<ReturnType<BackgroundDeps['tabs']['get']>>, paused: boolean): Promise<[string, number][]> => {
    if (paused) return [];
    const muted = mutedOn(await readMutes(), hostOf(state?.url));
    return Object.entries(state?.counts ?? {}).filter(([key]) => !muted.has(key));
  };

  return {
    async 'entity.sheet'({ key, lang }) {
      const db = await openDb();
      const rec = await entityOrThrow(key);
      const wanted = lang ?? deps.browserLang();
      const allSourceIds = rec.entity.facts.flatMap((f) => f.sourceIds);
      const sources = await getSources(db, rec.packId, allSourceIds);
      const related: { key: string; name: string; kind: RelationKind }[] = [];
      for (const r of relationsOf(rec.entity)) {
        const other = await getEntity(db, `${rec.packId}:${r.entity}`);
        if (other) related.push({ key: other.key, name: nameIn(other.entity.name, wanted), kind: r.kind });
      }
      const pack = await db.get('packs', rec.packId);
      return toSheet(key, rec.entity, sources, wanted, {
        related,
        pack: { id: rec.packId, name: pack?.name ?? rec.packId, version: pack?.version ?? '' },
      });
    },

    async 'tab.state'({ tabId, lang }) {
      const state = await deps.tabs.get(tabId);
      const db = await openDb();
      const wanted = lang ?? deps.browserLang();
      const paused = await deps.settings.isPaused(state?.url ?? undefined);
      const entities = [];
      for (const [key, count] of await countsShown(state, paused)) {
        const rec = await getEntity(db, key);
        if (!rec) continue;
        // A stored summary has at least one language (the pack schema) and pickLang picks one it has:
        // the fallback is for the type checker, never taken.
        const summary = rec.entity.summary[pickLang(rec.entity.summary, wanted)] ?? '';
        entities.push({ key, name: nameIn(rec.entity.name, wanted), kind: rec.entity.kind, summary, count });
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
        paused,
        pausedAll: (await deps.settings.read()).pausedAll,
        notesOnPage: state?.url ? await countNotesForPage(db, state.url) : 0,
      };
    },

    async 'page.briefing'({ tabId, lang }) {
      const state = await deps.tabs.get(tabId);
      const db = await openDb();
      const wanted = lang ?? deps.browserLang();
      const entities = [];
      // The same entities as tab.state lists (a discreet pack's too: the briefing is the reader's, never the page's).
      const paused = await deps.settings.isPaused(state?.url ?? undefined);
      for (const [key, count] of await countsShown(state, paused)) {
        const rec = await getEntity(db, key);
        if (!rec) continue;
        const sources = await getSources(db, rec.packId, briefingSourceIds(rec.entity));
        const { notes } = await listNotesByEntity(db, key);
        entities.push(toBriefingEntity(key, rec.entity, count, sources, notes, wanted));
      }
      entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return { url: state?.url ?? null, title: state?.title ?? null, entities };
    },

    async 'entity.names'({ keys, lang }) {
      const db = await openDb();
      const wanted = lang ?? deps.browserLang();
      const names: [string, string][] = [];
      for (const key of new Set(keys)) {
        const rec = await getEntity(db, key);
        if (rec) names.push([key, nameIn(rec.entity.name, wanted)]);
      }
      // fromEntries defines own properties: a key such as "__proto__" stays a key.
      return { names: Object.fromEntries(names) };
    },

    async 'panel.focus'({ tabId, key }) {
      await deps.tabs.setFocus(tabId, key);
      return {};
    },
  } satisfies Partial<Handlers>;
}
