import path from 'node:path';
import type { Alias } from 'vite';
import { defineConfig } from 'wxt';
import { bundledPacks, PACK_DIR } from './scripts/bundled-packs';

// Manifest is built per browser: Chrome gets the native side panel, Firefox the sidebar_action
// that WXT derives from entrypoints/sidepanel (docs/toolchain.md, note 2: keys must not leak across browsers).
const packs = bundledPacks();

export default defineConfig({
  // The worker names the bundled packs by a build-time key and fetches their text from packs/ only
  // when it differs from what it installed (a wake otherwise paid ~140 ms to evaluate and hash them).
  vite: () => ({
    define: { __BUNDLED_PACKS__: JSON.stringify(packs) },
    // WXT's content-script context announces itself to the page (quiet-context.ts says why not).
    resolve: { alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve(import.meta.dirname, 'utils/in-page/quiet-context.ts') }] },
    // A readable build for CPU profiles (scripts/profile-scan.ts): BACKSTORY_NO_MINIFY=1 npx wxt build.
    ...(process.env.BACKSTORY_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  hooks: {
    // The content script uses the browser's own API, not webextension-polyfill (about 3 kB of its
    // gzipped size, on every page and frame): it needs only runtime.sendMessage, which returns a
    // promise natively in Chrome's MV3 (from 99; the minimum is 116) and in Firefox, runtime.onMessage,
    // which worker-messages.ts answers through sendResponse as both browsers do natively, and i18n.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      // Natively, and reached on first use, not while the script is evaluated (lazy-browser.ts says why).
      // @wxt-dev/i18n imports @wxt-dev/browser itself, so both names lead there.
      const api = { find: /^(wxt|@wxt-dev)\/browser$/, replacement: path.resolve(import.meta.dirname, 'utils/in-page/lazy-browser.ts') };
      const alias = config.resolve?.alias;
      const list: readonly Alias[] = Array.isArray(alias)
        ? (alias as readonly Alias[])
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      // The card's script (card.content.ts) only leaves the card's drawing in the world: a bare context,
      // which neither holds the main script's hand-over slot nor carries its code (bare-context.ts).
      const bare = entrypoints.every((e) => e.name === 'card')
        ? [{ find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve(import.meta.dirname, 'utils/in-page/bare-context.ts') }]
        : [];
      config.resolve = { ...config.resolve, alias: [api, ...bare, ...list] };
    },
    'build:publicAssets': (_wxt, files) => {
      for (const f of packs.files) files.push({ absoluteSrc: path.join(PACK_DIR, f), relativeDest: `packs/${f}` });
    },
  },
  // Static files (the toolbar icons) live under assets/, which the project layout fixes.
  publicDir: 'assets/public',
  // The UI text lives in assets/locales/<lang>.yml (the layout keeps top-level folders fixed); the
  // module turns it into _locales/<lang>/messages.json and typed keys for i18n.t.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  i18n: { localesDir: 'assets/locales' },
  manifest: ({ browser }) => ({
    name: '__MSG_ext_name__',
    default_locale: 'en',
    // sidePanel.open() needs Chrome 116; the CSS Custom Highlight API is in Chrome 105 and Firefox 140,
    // so with these minimums every supported browser paints highlights without touching the DOM.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    description: '__MSG_ext_description__',
    // No "tabs": it warns of reading browsing history at install. The worker learns a page's address
    // from the message sender and its title from the content script; tab ids need no permission.
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The store is a profile-wide record of reading and notes: private windows must not write to it.
    // "split" would give private windows a profile without the reader's packs; "spanning" would need
    // every write path to check where it came from. The worker also refuses such senders (handlers.ts).
    incognito: 'not_allowed',
    // No extension or web page may message us (docs/security.md, item 16).
    externally_connectable: browser === 'firefox' ? undefined : { ids: [], matches: [] },
    content_security_policy: {
      extension_pages: "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'",
    },
    // Chrome assigns a suggested key only if it is not one of its own shortcuts: Alt+Shift+N is (a new
    // split tab on Windows and Linux; the notification centre on ChromeOS), so it was silently left
    // unassigned. J and K (next, previous) are free in Chrome and Firefox, and are what keyboard users
    // step through lists with elsewhere. keyboard.e2e.ts checks commands.getAll() assigns both.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_ext_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_keys_commandPreviousMention__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.local',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android knows the data-collection key above from 142 (desktop: 140).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  zip: { excludeSources: ['out/**', '.e2e-tmp/**'] },
});
