import { deleteAllData } from './store/packs';
import type { Handlers } from './dispatch';
import { asStorageErrors, type BackgroundDeps, type HandlerKit } from './handlers-shared';
import { listMutes } from './store/mutes';
import { createMuting } from './mutes';

/** The reader's settings (pausing, typo tolerance), and "delete all my data", which resets them with the rest. */
export function createSettingsHandlers(deps: BackgroundDeps, kit: HandlerKit) {
  const { openDb, invalidate } = kit;
  const muting = createMuting(deps, kit);
  return {
    async 'site.pause'({ host, paused, tabId }) {
      await (host === '*' ? deps.settings.setPausedAll(paused) : deps.settings.setPaused(host, paused));
      // The reply waits for the popup's tab, so the popup reads its new counts right after.
      await deps.applyPause?.(tabId);
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

    async 'data.deleteAll'() {
      const db = await openDb();
      // The mutes go with the rest: the open tabs that hide their names are told, while the worker
      // still knows the tabs' addresses (clearTabs forgets them).
      const { mutes } = await asStorageErrors(() => listMutes(db));
      await asStorageErrors(() => deleteAllData(db));
      invalidate();
      await muting.liftedAll(mutes);
      await deps.clearTabs?.();
      await deps.reseed?.(db);
      // The paused sites went with the settings: their tabs read again.
      await deps.applyPause?.();
      return {};
    },
  } satisfies Partial<Handlers>;
}
