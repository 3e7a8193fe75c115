/**
 * WXT's content-script context, without its announcements to the page. When a content script
 * starts, WXT posts a window message and dispatches a document event so that an older copy of the
 * script (left in the page by an extension update) stops itself. Both reach the page's own scripts:
 * the message carries the extension's id (any page could tell that the reader runs Backstory), and a
 * page that forges the event stops Backstory on that page. wxt.config.ts points
 * `wxt/utils/content-script-context` here for the content script's build.
 *
 * An older copy still gives way: copies of one extension's content script share its isolated world,
 * so the hand-over goes through a global of that world, which the page cannot see.
 */
// The module WXT's own import is redirected from: imported by path, or the alias would point back here.
import { ContentScriptContext as WxtContentScriptContext } from '../../node_modules/wxt/dist/utils/content-script-context.mjs';

/** The running context, in this world's globals; a Symbol.for key is shared by the copies of this world only. */
const CURRENT = Symbol.for('backstory.content-script-context');

export class ContentScriptContext extends WxtContentScriptContext {
  override stopOldScripts() {
    const slot = globalThis as { [CURRENT]?: WxtContentScriptContext };
    const older = slot[CURRENT];
    if (older && older !== this && !older.signal.aborted) older.abort('a newer copy of the content script started');
    slot[CURRENT] = this;
  }

  override listenForNewerScripts() {
    // The newer copy aborts this one itself (stopOldScripts): nothing to hear from the page.
  }
}
