/**
 * Protocol limits both sides need. Kept apart from protocol.ts so the content script can import
 * them without pulling zod into every web page.
 */

/** Most hashes one `dict.lookup` may carry; the scanner splits bigger pages into several requests. */
export const MAX_LOOKUP_HASHES = 200_000;

/**
 * Caps the content script applies before sending and the worker's schemas enforce: the content
 * script cannot import the zod schemas, and a value over a cap would lose the whole report.
 */
export const PAGE_LIMITS = { title: 500, url: 8_192 } as const;
