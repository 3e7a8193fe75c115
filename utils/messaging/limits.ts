/**
 * Protocol limits both sides need. Kept apart from protocol.ts so the content script can import
 * them without pulling zod into every web page.
 */

/** Most hashes one `dict.lookup` may carry; the scanner splits bigger pages into several requests. */
export const MAX_LOOKUP_HASHES = 200_000;
