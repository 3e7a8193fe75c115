/**
 * The context WXT hands the card's content script (entrypoints/card.content.ts), in place of
 * quiet-context.ts, which the main script keeps: the card's script only leaves the card's drawing in
 * the world and ends, so it holds no timers or listeners, and it must not take the slot through
 * which a newer copy of the main script stops an older one.
 */
import type { ContentScriptContext as WxtContentScriptContext } from '../../node_modules/wxt/dist/utils/content-script-context.mjs';

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: WxtContentScriptContext['options'],
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }
}
