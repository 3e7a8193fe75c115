import { hostOf } from '../url/host';
import { muteApplies, muteId, type Mute, type MuteScope } from '../schema/mute';
import { deleteMute, mutedOn, putMute } from './store/mutes';
import { asStorageErrors, type BackgroundDeps, type HandlerKit } from './handlers-shared';

/**
 * Muting and unmuting an entity, for the card (content tier) and the extension pages alike: the mute
 * is stored, the cache the page lookups read is dropped, and every open tab whose site it applies to
 * is told at once (tab-protocol `entity.muted`), with the entity's state on that tab's site.
 */
export function createMuting(deps: BackgroundDeps, kit: HandlerKit) {
  /** The entity keys muted on a site (by its host). */
  const mutedHere = async (host: string | null) => mutedOn(await kit.readMutes(), host);

  /**
   * Tell the open tabs where a change to `entityKey` on `host` (null: everywhere) applies. Tabs are
   * known by their address, which the worker learns from their first dictionary lookup or report
   * (a tab that did neither has nothing on show to hide). A tab that does not answer is left alone.
   */
  async function tellTabs(entityKey: string, host: string | null) {
    if (!deps.openTabIds || !deps.tellTab) return;
    const tell = deps.tellTab;
    const mutes = await kit.readMutes();
    const ids = await deps.openTabIds().catch(() => [] as number[]);
    await Promise.allSettled(
      ids.map(async (tabId) => {
        const tabHost = hostOf((await deps.tabs.get(tabId))?.url);
        if (!tabHost || !muteApplies({ scope: host ? 'site' : 'everywhere', host: host ?? undefined }, tabHost)) return;
        await tell(tabId, { key: entityKey, muted: mutedOn(mutes, tabHost).has(entityKey) });
      }),
    );
  }

  /** Mute an entity; the mute stored, and whether this call created it (false: it was there already). */
  async function add(entityKey: string, entityName: string, scope: MuteScope, host: string | null): Promise<{ mute: Mute; created: boolean }> {
    const where = scope === 'site' ? host : null;
    const mute: Mute = {
      id: muteId(entityKey, where),
      entityKey,
      entityName,
      scope,
      ...(where ? { host: where } : {}),
      createdAt: new Date(deps.now?.() ?? Date.now()).toISOString(),
    };
    const put = await asStorageErrors(async () => putMute(await kit.openDb(), mute));
    kit.mutesChanged();
    await tellTabs(entityKey, where);
    return put;
  }

  /** Remove a mute; the mute it was, or null when there was none. */
  async function remove(id: string): Promise<Mute | null> {
    const gone = await asStorageErrors(async () => deleteMute(await kit.openDb(), id));
    kit.mutesChanged();
    if (gone) await tellTabs(gone.entityKey, gone.host ?? null);
    return gone;
  }

  /**
   * Every mute is gone ("delete all my data" wiped them): each open tab where one applied is told its
   * entity is no longer muted there. Call it after the wipe, and before the tabs' addresses are forgotten.
   */
  async function liftedAll(gone: readonly Mute[]) {
    kit.mutesChanged();
    const seen = new Set<string>();
    for (const m of gone) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      await tellTabs(m.entityKey, m.host ?? null);
    }
  }

  return { mutedHere, add, remove, liftedAll };
}

export type Muting = ReturnType<typeof createMuting>;
