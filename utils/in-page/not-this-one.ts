import { sendFromContentScript as send } from './send';
import type { Scanner } from './scanner';
import type { Mention } from './mentions';
import type { MuteScope } from '../schema/mute';

/** What the card's "Not this one" does on this page, for the mention the card is open on. */
export interface NotThisOneActions {
  /** Hide one mention for this page view; returns its undo. */
  hide: (m: Mention) => () => void;
  mute: (key: string, scope: MuteScope) => Promise<void>;
  undoMute: (key: string, scope: MuteScope) => Promise<void>;
}

/**
 * Hiding a mention is this page's business alone (nothing is sent or stored). A mute is stored by the
 * worker, which takes the site from the browser and tells the other tabs; this tab applies it at once.
 */
export function notThisOneActions(scanner: () => Scanner): NotThisOneActions {
  return {
    hide: (m) => {
      const spot = scanner().hide(m);
      return () => scanner().unhide(spot);
    },
    mute: async (key, scope) => {
      await send('mute.fromCard', { key, scope });
      scanner().setMuted(key, true);
    },
    undoMute: async (key, scope) => {
      // Another mute (everywhere, or this site's) may still hold: the worker says.
      const { muted } = await send('mute.undoFromCard', { key, scope });
      scanner().setMuted(key, muted);
    },
  };
}
