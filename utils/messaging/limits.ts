/**
 * Protocol limits both sides need. Kept apart from protocol.ts so the content script can import
 * them without pulling zod into every web page.
 */

/** Most hashes one lookup of the dictionary asks at once; a page with more distinct words asks in parts. */
export const MAX_LOOKUP_HASHES = 200_000;

/**
 * Longest text handled as one unit (a block): the walk cuts a giant paragraph into pieces at white
 * space (a name straddling a cut is the price of bounded messages and bounded work).
 */
export const MAX_BLOCK_CHARS = 16_384;

/**
 * Most characters and texts one `page.match` may carry. The scanner splits a bigger page into
 * several requests, so the worker answers other tabs (a hover's card) in between. A full request of
 * text dense with names costs it about 11 ms warm and 36 ms cold (Node, on this 2-core VM); a page's
 * usual request, a few.
 */
export const MAX_MATCH_CHARS = 262_144;
export const MAX_MATCH_TEXTS = 8_192;

/** Numbers per match in a `page.match` answer: text index, start, end, entity, flags. */
export const MATCH_FIELDS = 5;

/**
 * Caps the content script applies before sending and the worker's schemas enforce: the content
 * script cannot import the zod schemas, and a value over a cap would lose the whole report.
 */
export const PAGE_LIMITS = { title: 500, url: 8_192 } as const;

/**
 * Context words of one alias (a name that is also a word counts only beside one of them): how many
 * phrases it may list and how long each may be. The pack schema enforces both; a phrase of at most
 * `phraseChars` characters has at most that many tokens, which bounds the hashes a lookup's answer
 * carries for each context.
 */
export const CONTEXT_LIMITS = { phrases: 10, phraseChars: 120 } as const;
