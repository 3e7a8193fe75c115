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

/**
 * Context words of one alias (a name that is also a word counts only beside one of them): how many
 * phrases it may list and how long each may be. The pack schema enforces both; a phrase of at most
 * `phraseChars` characters has at most that many tokens, which bounds the hashes a `dict.lookup`
 * answer carries for each context.
 */
export const CONTEXT_LIMITS = { phrases: 10, phraseChars: 120 } as const;
