/**
 * Sizes of a chunked pack upload, shared by the pages that send a pack and the worker's schemas.
 * Kept apart from protocol.ts so the bench script and the page read the same numbers without zod.
 */

/**
 * Characters one `pack.upload.chunk` carries. Chrome refuses a message over 64 MiB of JSON; a UTF-16
 * character is at most 6 bytes once JSON-escaped, so 512 Ki characters stays far below it, and a pack
 * of 2 MB already takes several chunks (the e2e test goes through the same path as a 100 MB pack);
 * a 70 MB pack is about 140 messages, whose own cost is small beside parsing.
 */
export const PACK_CHUNK_CHARS = 1 << 19;

/**
 * Largest pack an upload accepts, in characters (a file's size in bytes is never smaller, so the page
 * can refuse by `File.size` before reading). Raised on purpose from the single-message 20 MiB: a
 * 1,000,000-alias pack is about 150 MB; past 256 MiB the worker would hold strings near V8's length limit.
 */
export const MAX_PACK_UPLOAD = 256 * 1024 * 1024;

/** Chunks of the largest upload. */
export const MAX_PACK_CHUNKS = Math.ceil(MAX_PACK_UPLOAD / PACK_CHUNK_CHARS);

/** An upload with no chunk for this long is dropped (a closed page, a lost connection). */
export const PACK_UPLOAD_IDLE_MS = 2 * 60_000;
