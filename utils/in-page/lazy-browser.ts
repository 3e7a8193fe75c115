import type { Browser } from '@wxt-dev/browser';

/**
 * The extension API as the content script sees it (wxt.config.ts aliases `wxt/browser` and
 * `@wxt-dev/browser` to this module in the content script's build), reached on its first use.
 * `@wxt-dev/browser` reads `globalThis.browser` and `globalThis.chrome` while the script is being
 * evaluated, and in a new isolated world that first read builds the world's API bindings: about a
 * tenth of the injection task (12 of 121 samples at ×4 CPU in a new renderer), the one task of ours
 * that slicing cannot shorten. Read on first use, it falls in a later task.
 */
type Api = typeof Browser;
type Globals = { browser?: Api; chrome?: Api };

let api: Api | undefined;

function resolve(): Api {
  const g = globalThis as Globals;
  return (api ??= g.browser?.runtime?.id ? g.browser : g.chrome!);
}

// A Proxy, not a getter per namespace: whatever namespace the content script comes to use resolves the same way.
export const browser: Api = new Proxy({} as Api, { get: (_, key) => resolve()[key as keyof Api] });
