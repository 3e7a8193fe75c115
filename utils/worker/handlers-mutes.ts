import { MessageError, type Handlers } from './dispatch';
import { listMutes } from './store/mutes';
import { muteApplies } from '../schema/mute';
import { createMuting } from './mutes';
import { nameIn } from './views';
import { asStorageErrors, type BackgroundDeps, type HandlerKit } from './handlers-shared';

/**
 * The reader's mutes for the extension pages: the side panel mutes an entity on the tab's site or
 * everywhere, the popup and the options page list and remove them. Extension pages only: what the
 * reader muted, and where, is theirs; a page learns no more than that a name it shows is not painted.
 */
export function createMuteHandlers(deps: BackgroundDeps, kit: HandlerKit) {
  const muting = createMuting(deps, kit);
  return {
    async 'mutes.list'({ host }) {
      const all = await asStorageErrors(async () => listMutes(await kit.openDb()));
      return host === undefined ? all : { ...all, mutes: all.mutes.filter((m) => muteApplies(m, host)) };
    },

    async 'mute.add'({ key, scope, host }) {
      if (scope === 'site' && !host) throw new MessageError('bad-request', 'a site mute needs the site’s host');
      // The name is the store's, not the panel's.
      const rec = await kit.entityOrThrow(key);
      return { mute: (await muting.add(rec.key, nameIn(rec.entity.name, deps.browserLang()), scope, scope === 'site' ? (host ?? null) : null)).mute };
    },

    async 'mute.remove'({ id }) {
      await muting.remove(id);
      return {};
    },
  } satisfies Partial<Handlers>;
}
