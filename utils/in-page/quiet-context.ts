/**
 * The content script's context (what WXT passes to `main`): an AbortSignal that ends with the
 * script, and the timers and listeners tied to it. wxt.config.ts points
 * `wxt/utils/content-script-context` here for the content script's build, because WXT's own class
 * talks to the page. When a content script starts, it posts a window message and dispatches a
 * document event so that an older copy of the script (left in the page by an extension update)
 * stops itself, and it announces route changes with a window event. All three reach the page's own
 * scripts: the message carries the extension's id (any page could tell that the reader runs
 * Backstory), and a page that forges the event stops Backstory on that page.
 *
 * Written out rather than subclassed: the subclass still carried WXT's class, its location watcher
 * and event names (about 1 kB of the script, gzipped) for nothing this script calls.
 *
 * An older copy still gives way: copies of one extension's content script share its isolated world,
 * so the hand-over goes through a global of that world, which the page cannot see.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContentScriptContext } from '../../node_modules/wxt/dist/utils/content-script-context.mjs';

/** The running context, in this world's globals; a Symbol.for key is shared by the copies of this world only. */
const CURRENT = Symbol.for('backstory.content-script-context');

/** WXT's public surface, so that code typed against WXT's class runs on this one. */
type ContextApi = Omit<WxtContentScriptContext, 'stopOldScripts' | 'verifyScriptStartedEvent' | 'listenForNewerScripts'>;

export class ContentScriptContext implements ContextApi {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: WxtContentScriptContext['options'],
  ) {
    const slot = globalThis as { [CURRENT]?: ContentScriptContext };
    const older = slot[CURRENT];
    if (older && !older.signal.aborted) older.abort('a newer copy of the content script started');
    slot[CURRENT] = this;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** An extension that was updated or removed leaves its content scripts without a runtime id. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((d) => !this.signal.aborted && callback(d), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** No `wxt:locationchange` here: route changes come from route-watch.ts, which tells the page nothing. */
  addEventListener(target: EventTarget, type: string, handler: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    const opts = typeof options === 'boolean' ? { capture: options } : options;
    target.addEventListener(type, handler, { ...opts, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
